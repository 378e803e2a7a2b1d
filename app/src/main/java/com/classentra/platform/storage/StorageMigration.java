package com.classentra.platform.storage;

import com.classentra.platform.plugins.StoredSlot;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A copy of every stored object from the former storage provider to the new one, as the console shows it.
 *
 * @param source  the former choice, whose provider still answers reads for objects not yet copied
 * @param listed  objects found at the former provider so far
 * @param copied  objects copied and verified (size and SHA-256)
 * @param present objects the new provider already held with the same size and checksum
 * @param gone    objects deleted at the former provider before their turn came
 * @param failing objects whose copy failed: waiting for their next try, or given up
 * @param givenUp of those, the ones given up after their attempts: the copy waits for an administrator
 */
public record StorageMigration(UUID id, StoredSlot source, String targetProviderId, long targetVersion, Status status,
        String listingCursor, boolean listingDone, long listed, long copied, long present, long gone, long bytesCopied,
        long failing, long givenUp, String lastError, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    public enum Status { COPYING, DONE, ABANDONED }

    /** Objects dealt with for good, of those listed so far. */
    public long settled() {
        return copied + present + gone;
    }

    public boolean running() {
        return status == Status.COPYING;
    }

    /** An object whose copy failed: tried again at {@code nextAttemptAt}, or given up. */
    public record FailedCopy(String key, int attempts, String error, OffsetDateTime nextAttemptAt, boolean givenUp) {
    }
}
