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
 * name are scrubbed from the report; the request's cookie and authorization values are scrubbed too. The failure is
 * logged once, with the reference the person is shown, and answered with a 500 that Spring's error handling turns
 * into the error page ({@link ErrorPages}); the container never sees the exception, so it neither logs it again nor
 * shows it. Errors a handler turned into a response (4xx refusals, handled exceptions) never reach it.
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
            String reference = capture.report(thrown, ErrorCapture.Source.HTTP, request.getMethod() + " " + request.getRequestURI(),
                    request.getUserPrincipal(), requestSecrets(request));
            if (response.isCommitted() || e instanceof Error) {
                throw e; // too late for a page of our own, or the JVM itself is in trouble
            }
            request.setAttribute(ErrorPage.REFERENCE, reference);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
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
