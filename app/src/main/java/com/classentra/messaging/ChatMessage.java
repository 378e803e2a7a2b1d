package com.classentra.messaging;

import com.classentra.files.StoredFileInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message as a channel shows it.
 *
 * @param seq       its place in the channel; read markers and pages count by it
 * @param bodyHtml  sanitised; null once deleted
 * @param reactions emoji by emoji, the people who reacted in the order they did
 * @param seenBy    for direct channels and channels of up to 20 people: who has read it (the author aside)
 * @param mentions  the people it mentions
 * @param files     its attachments
 */
public record ChatMessage(UUID id, long seq, UUID channelId, UUID authorId, UUID parentId, String bodyHtml, Instant createdAt, Instant editedAt,
        boolean deleted, boolean pinned, boolean flagged, Map<String, List<UUID>> reactions, List<UUID> seenBy,
        List<UUID> mentions, List<StoredFileInfo> files) {
}
