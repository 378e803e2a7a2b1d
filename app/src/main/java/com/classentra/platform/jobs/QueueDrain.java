package com.classentra.platform.jobs;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueMetrics.Outcome;
import com.classentra.plugin.api.ProviderException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Works one durable queue ({@link QueueTable}). Due rows are claimed in a short platform-scope transaction that
 * commits before anything else happens; each row then goes to its handler with no transaction open, so a provider
 * call never runs while row locks are held (the handler marks its row done in a short transaction of its own).
 * A failed attempt is booked by the {@link RetryPolicy}: PENDING again after a backoff, or DEAD. A failing row
 * is due again only once its backoff has passed, so it never holds up the rows behind it. Every queue reports the
 * same metrics ({@link QueueMetrics}) and logs each failure under its name.
 */
public final class QueueDrain<R extends Record> {

    private static final Logger log = LoggerFactory.getLogger(QueueDrain.class);

    /** Handles one claimed row: returns when the row is done, throws when this attempt failed. */
    @FunctionalInterface
    public interface RowHandler<R> {
        void handle(R row) throws ProviderException;
    }

    private final String name;
    private final QueueTable<R> table;
    private final RetryPolicy retries;
    private final Duration lease;
    private final Function<R, String> describe;
    private final DSLContext db;
    private final PlatformScope platformScope;
    private final QueueMetrics metrics;

    /**
     * @param name     the queue's name in metrics ({@code queue} tag) and logs
     * @param lease    how long a claimed row is left to its node before another may claim it
     * @param describe what a row is, for the log (never its personal data)
     */
    public QueueDrain(String name, QueueTable<R> table, RetryPolicy retries, Duration lease, Function<R, String> describe,
            DSLContext db, PlatformScope platformScope, MeterRegistry meters) {
        this.name = name;
        this.table = table;
        this.retries = retries;
        this.lease = lease;
        this.describe = describe;
        this.db = db;
        this.platformScope = platformScope;
        this.metrics = new QueueMetrics(name, table, db, platformScope, meters);
    }

    /**
     * Handles due rows, batch after batch, until nothing is due or the time budget is spent.
     *
     * @return how many rows were handled (done, rescheduled or given up)
     */
    public int drain(int batchSize, Duration budget, RowHandler<R> handler) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // The claim would join that transaction, and its row locks would last through every provider call.
            throw new IllegalStateException("The " + name + " queue is drained outside any transaction");
        }
        Instant stop = Instant.now().plus(budget);
        int handled = 0;
        while (Instant.now().isBefore(stop)) {
            List<R> batch = platformScope.inTransaction(null, "claim " + name, () -> table.claim(db, batchSize, lease));
            if (batch.isEmpty()) {
                break;
            }
            for (R row : batch) {
                attempt(row, handler);
                handled++;
            }
        }
        return handled;
    }

    private void attempt(R row, RowHandler<R> handler) {
        try {
            handler.handle(row);
            metrics.count(Outcome.DONE);
        } catch (ProviderException e) {
            failed(row, e);
        } catch (RuntimeException e) {
            // Booked like any failed attempt: left SENDING, the row would come back after every lease and never be given up.
            failed(row, new ProviderException(ProviderException.Kind.RETRYABLE, e.getMessage() == null ? e.toString() : e.getMessage(), e));
        }
    }

    private void failed(R row, ProviderException failure) {
        UUID id = row.get(table.id());
        int attempts = row.get(table.attempts());
        boolean dead = retries.givesUp(failure, attempts);
        OffsetDateTime next = OffsetDateTime.now().plus(retries.backoff(attempts));
        platformScope.inTransaction(null, "book a failure of " + name, () -> {
            table.markFailed(db, id, dead, failure.getMessage(), next);
            return null;
        });
        metrics.count(dead ? Outcome.DEAD : Outcome.RETRY);
        if (dead) {
            log.warn("{}: {} given up (DEAD) after {} attempt(s): {}", name, describe.apply(row), attempts, failure.getMessage());
        } else {
            log.info("{}: {} failed (attempt {}), next try at {}: {}", name, describe.apply(row), attempts, next, failure.getMessage());
        }
    }
}
