package com.classentra.platform.jobs;

import com.classentra.platform.db.PlatformScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The loops of a queue's jobs: dispatch (claim a batch, handle each row, until nothing is due or the budget is spent) and retention. */
public final class QueueDrain {

    private QueueDrain() {
    }

    /** @return how many rows were handled */
    public static <R> int drain(Supplier<List<R>> claimBatch, Consumer<R> handle, Duration budget) {
        Instant stop = Instant.now().plus(budget);
        int handled = 0;
        while (Instant.now().isBefore(stop)) {
            List<R> batch = claimBatch.get();
            if (batch.isEmpty()) {
                break;
            }
            for (R row : batch) {
                handle.accept(row);
                handled++;
            }
        }
        return handled;
    }

    /**
     * Runs a batched delete in the platform scope, one transaction a batch, until a batch deletes nothing (small
     * batches, so no statement holds many locks for long); returns the rows deleted in all.
     */
    public static int purgeInBatches(PlatformScope platformScope, String reason, IntSupplier deleteOneBatch) {
        int purged = 0;
        int batch;
        do {
            batch = platformScope.inTransaction(null, reason, deleteOneBatch::getAsInt);
            purged += batch;
        } while (batch > 0);
        return purged;
    }
}
