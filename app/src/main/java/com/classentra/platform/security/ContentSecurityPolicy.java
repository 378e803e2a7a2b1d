package com.classentra.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of every response: {@link SecurityConfiguration#CONTENT_SECURITY_POLICY}, and a
 * {@code frame-src} naming the origins features embed now (the video provider's web client), which change when an
 * administrator switches providers.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    private final ObjectProvider<FrameSources> beans;
    /** Looked up at the first request, not while the filter chain is built: the features' beans come later. */
    private volatile List<FrameSources> frameSources;

    ContentSecurityPolicy(ObjectProvider<FrameSources> beans) {
        this.beans = beans;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", policy());
        }
    }

    String policy() {
        if (frameSources == null) {
            frameSources = beans.orderedStream().toList();
        }
        Set<String> sources = new LinkedHashSet<>();
        frameSources.forEach(source -> sources.addAll(source.frameSources()));
        return sources.isEmpty() ? SecurityConfiguration.CONTENT_SECURITY_POLICY
                : SecurityConfiguration.CONTENT_SECURITY_POLICY + "; frame-src 'self' " + String.join(" ", sources);
    }
}
