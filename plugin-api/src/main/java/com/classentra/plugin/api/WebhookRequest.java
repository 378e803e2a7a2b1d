package com.classentra.plugin.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming webhook exactly as received: headers (lower-case names), the raw body bytes (signatures are over
 * them, not over any parsed form), and when it arrived (against which a provider refuses stale signatures).
 */
public record WebhookRequest(Map<String, String> headers, byte[] body, Instant receivedAt) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The header's value, or null when it was not sent; the name in any case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
