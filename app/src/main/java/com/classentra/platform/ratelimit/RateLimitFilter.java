package com.classentra.platform.ratelimit;

import com.classentra.platform.errors.ErrorPage;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits at the door, in Spring Security's chain before sign-in is processed: sign-in attempts per address,
 * password sign-in for an email whose failed attempts are used up ({@link FailedSignIns}), and everything a visitor
 * who is not signed in asks of the application except static files. A refusal is a 429 with Retry-After: a page in the
 * application's look for a browser ({@link ErrorPage}), a line of text for other clients; for a throttled email both
 * add that a sign-in link by email still works (the page links to it). The address is the client's
 * as the servlet container sees it, after trusted proxies' forwarded headers (server.forward-headers-strategy).
 *
 * <p>Not a bean on purpose: Spring Boot would also register a Filter bean with the servlet container, and it
 * would run twice.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private static final RequestMatcher STATIC = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/VAADIN/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/classentra/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/lumo/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/favicon.ico"));

    /** Only the password is throttled, never the person: a link sent to the account's address still signs them in. */
    private static final String SIGN_IN_LINK_ADVICE = "Meanwhile you can sign in with a link sent by email";
    private static final String SIGN_IN_LINK = "Email me a sign-in link";

    private final RateLimiter limiter;
    private final SecurityContextHolderStrategy contexts;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** @param contexts the security context strategy of this application's filter chain (see SessionValidityFilter) */
    public RateLimitFilter(RateLimiter limiter, SecurityContextHolderStrategy contexts) {
        this.limiter = limiter;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = refusal(request);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** How long the person must wait, and whether a sign-in link by email works meanwhile. */
    private record Refusal(Duration retryAfter, boolean signInLinkWorks) {
    }

    /** The refusal, or null when the request may go ahead. */
    private Refusal refusal(HttpServletRequest request) {
        if (SIGN_IN.matches(request)) {
            RateLimitDecision byAddress = limiter.check(RateLimitRule.SIGN_IN_IP, request.getRemoteAddr());
            if (!byAddress.allowed()) {
                return new Refusal(byAddress.retryAfter(), false);
            }
            String username = request.getParameter("username");
            return username == null || username.isBlank() ? null : failedSignInsRefusal(username, request.getRemoteAddr());
        }
        if (!trust.isAuthenticated(contexts.getContext().getAuthentication()) && !STATIC.matches(request)) {
            RateLimitDecision decision = limiter.check(RateLimitRule.ANONYMOUS_REQUESTS_IP, request.getRemoteAddr());
            return decision.allowed() ? null : new Refusal(decision.retryAfter(), false);
        }
        return null;
    }

    /** Refused while failed sign-ins for the email are used up from this address or from everywhere, for the longer wait. */
    private Refusal failedSignInsRefusal(String username, String clientAddress) {
        return Stream.of(
                        limiter.probe(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES, FailedSignIns.emailAtAddressKey(username, clientAddress)),
                        limiter.probe(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES_ANY_ADDRESS, FailedSignIns.emailKey(username)))
                .filter(decision -> !decision.allowed())
                .map(RateLimitDecision::retryAfter)
                .max(Comparator.naturalOrder())
                .map(wait -> new Refusal(wait, true))
                .orElse(null);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (ErrorPage.wantedBy(request)) {
            ErrorPage page = ErrorPage.tooManyRequests(RateLimitedException.tryAgainIn(refusal.retryAfter()));
            if (refusal.signInLinkWorks()) {
                page = page.explaining(page.explanation() + " " + SIGN_IN_LINK_ADVICE + ".").linking("/sign-in-link", SIGN_IN_LINK);
            }
            page.write(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("Too many requests. Please wait " + seconds + " seconds and try again.\n"
                + (refusal.signInLinkWorks() ? SIGN_IN_LINK_ADVICE + ": go back and choose \"" + SIGN_IN_LINK + "\".\n" : ""));
    }
}
