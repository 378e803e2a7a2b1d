package com.classentra.platform.jobs;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.min;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The columns and queries every durable work queue shares (email outbox, error reports, file purge, notification
 * email and digests, failed storage copies): a row is PENDING until a node claims it (SENDING, with a lease and
 * one more attempt), then done (SENT or a final state of its own, or removed when nothing needs to remember it),
 * PENDING again for a retry, or DEAD. A SENDING row whose lease passed is claimed again: the node that held it died. {@link QueueDrain}
 * works a queue through these.
 */
public record QueueTable<R extends Record>(Table<R> table, TableField<R, UUID> id, TableField<R, String> status,
        TableField<R, Integer> attempts, TableField<R, OffsetDateTime> nextAttemptAt, TableField<R, OffsetDateTime> leaseUntil,
        TableField<R, String> lastError, TableField<R, OffsetDateTime> createdAt, TableField<R, OffsetDateTime> updatedAt) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String DEAD = "DEAD";

    private Condition due() {
        return status.eq(PENDING).and(nextAttemptAt.le(currentOffsetDateTime()))
                .or(status.eq(SENDING).and(leaseUntil.lt(currentOffsetDateTime())));
    }

    /**
     * Takes up to {@code limit} due rows for sending: marks them SENDING with a lease and counts the attempt.
     * SKIP LOCKED lets several nodes claim disjoint batches.
     */
    public List<R> claim(DSLContext db, int limit, Duration lease) {
        return db.update(table)
                .set(status, SENDING)
                .set(leaseUntil, OffsetDateTime.now().plus(lease))
                .set(attempts, attempts.plus(1))
                .set(updatedAt, currentOffsetDateTime())
                .where(id.in(db.select(id).from(table).where(due()).orderBy(nextAttemptAt).limit(limit).forUpdate().skipLocked()))
                .returning()
                .fetch();
    }

    /** Ends the lease of a row that failed: back to PENDING until {@code next}, or DEAD. */
    public void markFailed(DSLContext db, UUID rowId, boolean dead, String error, OffsetDateTime next) {
        db.update(table)
                .set(status, dead ? DEAD : PENDING)
                .set(lastError, error)
                .set(nextAttemptAt, next)
                .set(leaseUntil, (OffsetDateTime) null)
                .set(updatedAt, currentOffsetDateTime())
                .where(id.eq(rowId))
                .execute();
    }

    /** Removes a row that is done and that nothing needs to remember. */
    public void remove(DSLContext db, UUID rowId) {
        db.deleteFrom(table).where(id.eq(rowId)).execute();
    }

    /** Puts the dead rows among {@code which} back in the queue with a fresh attempt budget; returns how many. */
    public int requeue(DSLContext db, Condition which) {
        return db.update(table)
                .set(status, PENDING)
                .set(attempts, 0)
                .set(nextAttemptAt, currentOffsetDateTime())
                .set(updatedAt, currentOffsetDateTime())
                .where(status.eq(DEAD).and(which))
                .execute();
    }

    public int count(DSLContext db, String inStatus) {
        return db.fetchCount(table, status.eq(inStatus));
    }

    /** Age of the oldest row not yet sent; zero when none waits. */
    public Duration oldestWaiting(DSLContext db) {
        OffsetDateTime oldest = db.select(min(createdAt)).from(table).where(status.in(PENDING, SENDING)).fetchOne(0, OffsetDateTime.class);
        return oldest == null ? Duration.ZERO : Duration.between(oldest, OffsetDateTime.now());
    }
}
