package com.classentra.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's report of a message, waiting for a teacher.
 *
 * @param text the message's text where the teacher reads its channel; null in a direct conversation, or once deleted
 */
public record MessageReport(UUID id, UUID messageId, UUID channelId, UUID reporterId, String reason, Instant at, String text) {
}
