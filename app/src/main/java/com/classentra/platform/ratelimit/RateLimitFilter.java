package com.classentra.platform.ratelimit;

import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits at the door, in Spring Security's chain before sign-in is processed: sign-in attempts per address,
 * sign-in for an email whose failed attempts are used up ({@link FailedSignIns}), and everything a visitor who
 * is not signed in asks of the application except static files. A refusal is a 429 with Retry-After and a line
 * of text. The address is the client's as the servlet container sees it, after trusted proxies' forwarded
 * headers (server.forward-headers-strategy).
 *
 * <p>Not a bean on purpose: Spring Boot would also register a Filter bean with the servlet container, and it
 * would run twice.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private static final RequestMatcher STATIC = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/VAADIN/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/classentra/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/favicon.ico"));

    private final RateLimiter limiter;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitDecision decision = decide(request);
        if (decision != null && !decision.allowed()) {
            refuse(response, decision.retryAfter());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Null when no rule applies to the request. */
    private RateLimitDecision decide(HttpServletRequest request) {
        if (SIGN_IN.matches(request)) {
            RateLimitDecision byAddress = limiter.check(RateLimitRule.SIGN_IN_IP, request.getRemoteAddr());
            String username = request.getParameter("username");
            if (!byAddress.allowed() || username == null || username.isBlank()) {
                return byAddress;
            }
            return limiter.probe(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES, FailedSignIns.accountKey(username, request.getRemoteAddr()));
        }
        if (!trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication()) && !STATIC.matches(request)) {
            return limiter.check(RateLimitRule.ANONYMOUS_REQUESTS_IP, request.getRemoteAddr());
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, Duration retryAfter) throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("Too many requests. Please wait " + seconds + " seconds and try again.\n");
    }
}
