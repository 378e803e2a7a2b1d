package com.classentra.messaging;

import java.time.Instant;
import java.util.UUID;

/** A member's report of a message, waiting for a teacher. */
public record MessageReport(UUID id, UUID messageId, UUID channelId, UUID reporterId, String reason, Instant at) {
}
