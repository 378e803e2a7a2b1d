package com.classentra.testsupport;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * A browser over plain HTTP, for tests of what the server does with requests: its own cookies, no automatic
 * redirects, Firefox on Linux as User-Agent, a browser's Accept header (a page first), and a client address of its
 * own (sent as X-Forwarded-For by the local proxy, which the server trusts), so per-address limits of one browser
 * never touch another.
 */
public final class HttpBrowser {

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    /** What Firefox sends when it opens a page: the server answers errors with a page, not JSON or text. */
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** Vaadin puts Spring Security's CSRF token into every page it serves, for forms that post natively. */
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final String clientAddress;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpBrowser(Environment environment, String clientAddress) {
        this.baseUrl = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        this.clientAddress = clientAddress;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(path, ACCEPT_PAGE);
    }

    /** A GET as a script in the page or another program would send it, accepting these media types. */
    public HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(request(path).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of a download: the body as bytes. */
    public HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(request(path).header("Accept", ACCEPT_PAGE).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form, its fields in the map's order. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path).header("Accept", ACCEPT_PAGE).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the sign-in page, then sends the sign-in form. */
    public HttpResponse<String> signIn(String email, String password) throws Exception {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    public boolean signedIn() throws Exception {
        return get("/settings").statusCode() == 200;
    }

    /** The session cookie's value, null before the server started a session. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The CSRF token of a page this browser was served, to post a form as the page's own would. */
    public static String csrfToken(HttpResponse<String> page) {
        Matcher token = CSRF_META.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("No CSRF token in the page " + page.uri());
        }
        return token.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("User-Agent", USER_AGENT).header("X-Forwarded-For", clientAddress);
    }
}
