package com.classentra.plugin.api.payments;

import java.util.Map;

/** An incoming webhook exactly as received: headers (lower-case names) and the raw body bytes. */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
