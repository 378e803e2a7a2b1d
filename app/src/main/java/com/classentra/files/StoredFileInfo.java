package com.classentra.files;

import com.classentra.platform.text.ByteSizes;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored file as lists show it; {@code owner} is the item or submission it belongs to. */
public record StoredFileInfo(UUID id, UUID owner, Integer submissionVersion, String filename, String contentType, long sizeBytes,
        OffsetDateTime createdAt) {

    /** "2.4 MB", for lists. */
    public String sizeLabel() {
        return ByteSizes.label(sizeBytes);
    }

    /** The path the interface links to; it checks the caller's rights and hands out a short-lived signed link. */
    public String downloadPath() {
        return "/files/" + id;
    }
}
