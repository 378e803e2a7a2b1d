package com.classentra.files;

import com.classentra.db.jooq.tables.records.FilePurgeRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.storage.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes from storage the objects of deleted files (a deleted course's included), as the policy promises: the
 * {@code file_purge} queue, worked like every durable queue. The storage is called with no transaction open and the
 * key leaves the queue only once the object is gone; a delete that keeps failing backs off and is finally given up.
 */
@Component
class FilePurge {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final FileRepository files;
    private final ObjectStore storage;
    private final PlatformScope platformScope;
    private final QueueDrain<FilePurgeRecord> queue;

    FilePurge(FileRepository files, ObjectStore storage, PlatformScope platformScope, DSLContext db, MeterRegistry meters,
            @Value("${classentra.files.purge-max-attempts:20}") int maxAttempts,
            @Value("${classentra.files.purge-first-retry:1m}") Duration firstRetry,
            @Value("${classentra.files.purge-max-retry:6h}") Duration maxRetry) {
        this.files = files;
        this.storage = storage;
        this.platformScope = platformScope;
        this.queue = new QueueDrain<>("file-purge", FileRepository.PURGE_QUEUE, new RetryPolicy(maxAttempts, firstRetry, maxRetry), LEASE,
                row -> "object " + row.getStorageKey(), db, platformScope, meters);
    }

    /** Deletes the objects due, until none is or the budget is spent; returns how many keys were handled. */
    int purgeDue(int batchSize, Duration budget) {
        return queue.drain(batchSize, budget, row -> {
            storage.delete(row.getStorageKey());
            platformScope.inTransaction(null, "deleted file purged", () -> {
                files.purged(row.getId());
                return null;
            });
        });
    }
}
