package com.classentra.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its next request when it has lived longer than the absolute lifetime (however active
 * it is; inactivity is the container's session timeout), or when it signed in before its person's
 * sessions were revoked on any node. The request goes on signed out.
 */
class SessionValidityFilter extends OncePerRequestFilter {

    private final Duration absoluteLifetime;
    private final SessionRevocations revocations;
    private final SecurityContextHolderStrategy contexts;

    /**
     * @param contexts the security context strategy of this application's filter chain: not the JVM-wide one, which
     *                 every Vaadin application context started in the same JVM replaces (a second node in the tests)
     */
    SessionValidityFilter(Duration absoluteLifetime, SessionRevocations revocations, SecurityContextHolderStrategy contexts) {
        this.absoluteLifetime = absoluteLifetime;
        this.revocations = revocations;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && (tooOld(session) || revoked(session))) {
            session.invalidate();
            contexts.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean tooOld(HttpSession session) {
        return SessionDirectory.signedInAt(session).plus(absoluteLifetime).isBefore(java.time.Instant.now());
    }

    private boolean revoked(HttpSession session) {
        Authentication authentication = contexts.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && SessionDirectory.signedInAt(session).isBefore(revocations.revokedBefore(user.id()));
    }
}
