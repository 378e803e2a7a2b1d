package com.classentra.messaging;

import java.time.Instant;
import java.util.UUID;

/** A message found by search: where it is (to open its channel at it) and the words around the match, marked « ». */
public record SearchHit(UUID messageId, UUID channelId, long seq, UUID authorId, Instant createdAt, String excerpt) {
}
