package com.classentra.platform.webhooks;

import com.classentra.platform.db.PlatformScope;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Takes in the webhooks providers send: verified first by the provider that signed them, then stored once by event id
 * ({@link WebhookInboxRepository}), then applied by a queue ({@link WebhookProcessing}). Nothing of a webhook that does
 * not verify is kept.
 */
@Service
public class WebhookInbox {

    private final Map<Slot, WebhookHandler> handlers;
    private final WebhookInboxRepository inbox;
    private final PlatformScope platformScope;
    private final MeterRegistry meters;

    WebhookInbox(List<WebhookHandler> handlers, WebhookInboxRepository inbox, PlatformScope platformScope, MeterRegistry meters) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(WebhookHandler::slot, Function.identity()));
        this.inbox = inbox;
        this.platformScope = platformScope;
        this.meters = meters;
    }

    /** What became of a webhook that arrived. */
    public enum Outcome {
        /** Verified and stored: it will be applied. */
        STORED,
        /** Verified, and that event was stored before: nothing changes. */
        DUPLICATE,
        /** Verified and carrying nothing to keep (a provider checking that the address answers). */
        PING,
        /** No slot by that name takes webhooks. */
        UNKNOWN_SLOT
    }

    /**
     * Verifies and stores the webhook. Throws the provider's {@link ProviderException} when it does not verify
     * (PERMANENT), when that provider serves nothing here (MISCONFIGURED) or when it cannot be asked now (RETRYABLE).
     */
    public Outcome receive(String slotKey, String providerId, WebhookRequest request) throws ProviderException {
        Optional<WebhookHandler> handler = slot(slotKey).map(handlers::get);
        if (handler.isEmpty()) {
            count("unknown", "unknown", "unknown-slot");
            return Outcome.UNKNOWN_SLOT;
        }
        WebhookHandler.VerifiedWebhook verified;
        try {
            verified = handler.get().verify(providerId, request);
        } catch (ProviderException e) {
            switch (e.kind()) {
                case PERMANENT -> count(slotKey, providerId, "refused");
                case RETRYABLE -> count(slotKey, providerId, "unavailable");
                // A provider name no one serves here comes from the address: not a tag, or anyone could make new series.
                default -> count(slotKey, "unknown", "unknown-provider");
            }
            throw e;
        }
        if (verified == null) {
            count(slotKey, providerId, "ping");
            return Outcome.PING;
        }
        boolean stored = platformScope.inTransaction(null, "store a webhook",
                () -> inbox.storeOnce(slotKey, providerId, verified, request.body()));
        count(slotKey, providerId, stored ? "stored" : "duplicate");
        return stored ? Outcome.STORED : Outcome.DUPLICATE;
    }

    WebhookHandler handler(String slotKey) {
        return slot(slotKey).map(handlers::get).orElse(null);
    }

    private static Optional<Slot> slot(String key) {
        try {
            return Optional.of(Slot.fromKey(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void count(String slot, String provider, String outcome) {
        meters.counter("classentra.webhooks.received", "slot", slot, "provider", provider, "outcome", outcome).increment();
    }
}
