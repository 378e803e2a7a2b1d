package com.classentra.platform.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A stored webhook as the administrator sees it: what, from whom, and what became of it; never its body. */
public record ReceivedWebhook(UUID id, String slot, String providerId, String eventId, String type, String status, int attempts,
        String lastError, Instant receivedAt, Instant processedAt) {
}
