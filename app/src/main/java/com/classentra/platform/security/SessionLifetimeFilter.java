package com.classentra.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lived longer than the absolute lifetime, however active it is; inactivity is
 * handled by the servlet container's session timeout. The person signs in again.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteLifetime;

    SessionLifetimeFilter(Duration absoluteLifetime) {
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > absoluteLifetime.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
