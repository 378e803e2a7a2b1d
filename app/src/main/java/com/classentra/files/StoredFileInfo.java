package com.classentra.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored file as lists show it; {@code owner} is the item or submission it belongs to. */
public record StoredFileInfo(UUID id, UUID owner, Integer submissionVersion, String filename, String contentType, long sizeBytes,
        OffsetDateTime createdAt) {

    /** "2.4 MB", for lists. */
    public String sizeLabel() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return String.format("%.0f KB", sizeBytes / 1024.0);
        }
        return String.format("%.1f MB", sizeBytes / (1024.0 * 1024));
    }

    /** The path the interface links to; it checks the caller's rights and hands out a short-lived signed link. */
    public String downloadPath() {
        return "/files/" + id;
    }
}
