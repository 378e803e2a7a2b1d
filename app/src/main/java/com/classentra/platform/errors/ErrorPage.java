package com.classentra.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person is told when a page cannot be shown, in the same words wherever it happens: the shell's error views
 * show it inside the application's frame, and outside Vaadin's router (Spring's /error, a refusal at the door)
 * {@link #write} serves it as a small page of its own, with the application's stylesheets, brand and a way back.
 *
 * @param reference the failure's reference, which support finds in the log; null when there is none
 */
public record ErrorPage(int status, String title, String explanation, String reference, List<Link> links) {

    /** The request attribute a failed request's reference waits in until its error page is written. */
    public static final String REFERENCE = ErrorPage.class.getName() + ".reference";

    /** A link the page offers, to a path of the application. */
    public record Link(String path, String text) {
    }

    public static ErrorPage notFound() {
        return new ErrorPage(HttpServletResponse.SC_NOT_FOUND, "Page not found",
                "There is no page at this address. Check the link, or find the page from the start page.", null, List.of());
    }

    public static ErrorPage forbidden() {
        return new ErrorPage(HttpServletResponse.SC_FORBIDDEN, "Not open to your account",
                "Your account cannot open this page. If you need it, ask the person who runs your workspace.", null, List.of());
    }

    /** A refusal by the security chain, which may be a form whose session ended (its CSRF token) as well as a missing right. */
    public static ErrorPage refused() {
        return new ErrorPage(HttpServletResponse.SC_FORBIDDEN, "Request refused",
                "This request was refused. If the page was open for a long time, open it again and retry; otherwise your account may not do this.",
                null, List.of());
    }

    /** {@code reference} may be null: a failure that was not reported (the error address opened directly) has none. */
    public static ErrorPage serverError(String reference) {
        String explanation = "Something went wrong and nothing was changed. Please try again"
                + (reference == null ? "." : "; if it keeps happening, give support this reference.");
        return new ErrorPage(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong", explanation, reference, List.of());
    }

    /** {@code whenToTryAgain} is a sentence such as "Please try again in 3 minutes.". */
    public static ErrorPage tooManyRequests(String whenToTryAgain) {
        return new ErrorPage(429, "Too many requests", "Too many requests came in a short time, so this one was refused. " + whenToTryAgain,
                null, List.of());
    }

    /** The page for an HTTP status, from Spring's error handling or a refusal that escaped a view; other 4xx share one sentence. */
    public static ErrorPage forStatus(int status, String reference) {
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> notFound();
            case HttpServletResponse.SC_FORBIDDEN -> forbidden();
            case 429 -> tooManyRequests("Please wait a minute and try again.");
            default -> status >= 500 ? serverError(reference)
                    : new ErrorPage(status, "This request could not be handled",
                            "The page could not be opened from this link or form. Go back and try again.", null, List.of());
        };
    }

    /** The same page saying what happened in words of its own, e.g. "This course does not exist or you are not in it.". */
    public ErrorPage explaining(String explanation) {
        return new ErrorPage(status, title, explanation, reference, links);
    }

    /** The same page with one more link, before the way back. */
    public ErrorPage linking(String path, String text) {
        List<Link> more = new ArrayList<>(links);
        more.add(new Link(path, text));
        return new ErrorPage(status, title, explanation, reference, List.copyOf(more));
    }

    /** The page's links, then the way back: the person's start page, or sign-in when nobody is signed in. */
    public List<Link> linksFor(boolean signedIn) {
        List<Link> all = new ArrayList<>(links);
        all.add(signedIn ? new Link("/", "Go to your start page") : new Link("/login", "Sign in"));
        return all;
    }

    /** The line that gives the reference, e.g. "Reference: 3f9a02c1". */
    public String referenceLine() {
        return "Reference: " + reference;
    }

    /** True when the client asks for a page (a browser), rather than for data or text (a script, a test's client). */
    public static boolean wantedBy(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Sets the status and writes the page; never cached, as it tells about one request. */
    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(html(request.getContextPath(), request.getUserPrincipal() != null));
    }

    /** The page under this context path; the markup follows the shell's (brand bar, view header) so the same styles apply. */
    String html(String contextPath, boolean signedIn) {
        StringBuilder page = new StringBuilder(1024).append("""
                <!DOCTYPE html>
                <html lang="en" theme="light-dark">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        page.append("<title>").append(escape(title)).append(" · Classentra</title>\n");
        page.append("<link rel=\"icon\" href=\"").append(contextPath).append("/classentra/favicon.svg\">\n");
        page.append("<link rel=\"stylesheet\" href=\"").append(contextPath).append("/lumo/lumo.css\">\n");
        page.append("<link rel=\"stylesheet\" href=\"").append(contextPath).append("/classentra/styles.css\">\n");
        page.append("</head>\n<body class=\"error-page-body\">\n<header class=\"error-page-bar\"><a class=\"brand\" href=\"")
                .append(contextPath).append("/\">Classentra</a></header>\n<main class=\"error-page\">\n");
        page.append("<header class=\"view-header\"><h1>").append(escape(title)).append("</h1><p>").append(escape(explanation))
                .append("</p></header>\n");
        if (reference != null) {
            page.append("<p class=\"error-reference\">").append(escape(referenceLine())).append("</p>\n");
        }
        page.append("<nav class=\"error-page-links\">");
        for (Link link : linksFor(signedIn)) {
            page.append("<a href=\"").append(escape(contextPath + link.path())).append("\">").append(escape(link.text())).append("</a>");
        }
        return page.append("</nav>\n</main>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
