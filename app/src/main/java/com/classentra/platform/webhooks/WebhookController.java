package com.classentra.platform.webhooks;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers send their webhooks: {@code POST /webhooks/<slot>/<provider>}, e.g. {@code /webhooks/video/livekit}.
 * The body is read raw (signatures are over its bytes), up to a limit enforced while reading. Answers 200 once the
 * event is stored (or was before), 401 when it does not verify, 404 for a slot or provider that takes none here, 413
 * for a body over the limit and 503 when the provider cannot be asked now, so the provider sends it again.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    /** Far above any event the providers send (a few kilobytes); reading stops here. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,63}");

    private final WebhookInbox inbox;

    WebhookController(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/webhooks/{slot}/{provider}")
    ResponseEntity<String> receive(@PathVariable String slot, @PathVariable String provider, HttpServletRequest http) throws IOException {
        if (!NAME.matcher(slot).matches() || !NAME.matcher(provider).matches()) {
            return answer(HttpStatus.NOT_FOUND, "No webhooks are taken at this address.");
        }
        if (http.getContentLengthLong() > MAX_BODY_BYTES) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "The body is over " + MAX_BODY_BYTES / 1024 + " KB.");
        }
        byte[] body = read(http.getInputStream());
        if (body == null) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "The body is over " + MAX_BODY_BYTES / 1024 + " KB.");
        }
        WebhookRequest request = new WebhookRequest(headers(http), body, Instant.now());
        try {
            return switch (inbox.receive(slot, provider, request)) {
                case STORED, DUPLICATE, PING -> answer(HttpStatus.OK, "OK");
                case UNKNOWN_SLOT -> answer(HttpStatus.NOT_FOUND, "No webhooks are taken at this address.");
            };
        } catch (ProviderException e) {
            return switch (e.kind()) {
                case PERMANENT -> {
                    log.warn("Refused a {} webhook from {} ({}): {}", slot, provider, http.getRemoteAddr(), e.getMessage());
                    yield answer(HttpStatus.UNAUTHORIZED, "The webhook's signature does not verify.");
                }
                case MISCONFIGURED -> {
                    log.info("No {} provider {} takes webhooks here: {}", slot, provider, e.getMessage());
                    yield answer(HttpStatus.NOT_FOUND, "No " + slot + " provider " + provider + " takes webhooks here.");
                }
                case RETRYABLE -> {
                    log.warn("Could not check a {} webhook from {}: {}", slot, provider, e.getMessage());
                    yield answer(HttpStatus.SERVICE_UNAVAILABLE, "Cannot check the webhook now; send it again later.");
                }
            };
        }
    }

    /** The body, or null once it is over the limit: never more than the limit is held. */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_BODY_BYTES) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, String> headers(HttpServletRequest http) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        return headers;
    }

    private static ResponseEntity<String> answer(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(text);
    }
}
