package com.classentra.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the administrator sees it. */
public record OutboxEntry(UUID id, String toAddress, String template, String subject, Status status, int attempts,
        OffsetDateTime nextAttemptAt, String lastError, String providerId, String providerMessageId,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public enum Status { PENDING, SENDING, SENT, DEAD }
}
