package com.classentra.platform.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Captures exceptions that escape request handling (controllers, the Vaadin servlet's own failures): what becomes a
 * 500. It runs inside Spring Security's filter chain's scope, so the signed-in person is known and their email and
 * name are scrubbed from the report; the request's cookie and authorization values are scrubbed too. The exception
 * is rethrown unchanged, so the error page and the log are as before. Errors a handler turned into a response
 * (4xx refusals, handled exceptions) never reach it.
 */
class ServerErrorFilter extends OncePerRequestFilter {

    private final ErrorCapture capture;

    ServerErrorFilter(ErrorCapture capture) {
        this.capture = capture;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // The servlet wraps a handler's exception ("Request processing failed"): report what was thrown.
            Throwable thrown = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            // The request Spring Security wrapped knows the person, whichever context holder strategy is in force.
            capture.capture(thrown, ErrorCapture.Source.HTTP, request.getMethod() + " " + request.getRequestURI(),
                    request.getUserPrincipal(), requestSecrets(request));
            throw e;
        }
    }

    /** Values the request carried that may have been echoed into the exception message. */
    private static List<String> requestSecrets(HttpServletRequest request) {
        List<String> secrets = new ArrayList<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                secrets.add(cookie.getValue());
            }
        }
        secrets.addAll(Collections.list(request.getHeaders("Authorization")));
        // Query values only (form bodies are not read again here): links carry reset tokens, invitation codes, emails.
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                int equals = pair.indexOf('=');
                if (equals >= 0) {
                    secrets.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return secrets;
    }
}
