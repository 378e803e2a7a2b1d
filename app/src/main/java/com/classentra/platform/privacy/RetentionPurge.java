package com.classentra.platform.privacy;

import com.classentra.platform.db.PlatformScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes a retention rule's expired rows in small batches, one short transaction each, in the platform scope. No
 * statement may run or wait for a lock longer than a second: a batch that would is cancelled by PostgreSQL and tried
 * again smaller, and the batch size follows how long batches take. Rows purged are counted in
 * {@code classentra_retention_purged_total{rule}}; the job's lag and failures are reported like every job's.
 */
@Component
public class RetentionPurge {

    static final int FIRST_BATCH = 500;
    static final int SMALLEST_BATCH = 10;
    static final int LARGEST_BATCH = 5000;
    private static final long QUICK_NANOS = 50_000_000L;
    private static final long SLOW_NANOS = 250_000_000L;
    private static final Field<Object> CTID = DSL.field(DSL.name("ctid"));

    private final DSLContext db;
    private final PlatformScope platformScope;
    private final MeterRegistry meters;
    private final Map<String, Counter> purged = new ConcurrentHashMap<>();

    RetentionPurge(DSLContext db, PlatformScope platformScope, MeterRegistry meters) {
        this.db = db;
        this.platformScope = platformScope;
        this.meters = meters;
    }

    /** Deletes every row of the rule that has expired at {@code now}; returns how many. */
    public int purge(RetentionRule rule, OffsetDateTime now) {
        Counter counter = counter(rule);
        int batch = FIRST_BATCH;
        int total = 0;
        while (true) {
            int size = batch;
            long started = System.nanoTime();
            int deleted;
            try {
                deleted = platformScope.inTransaction(null, "retention " + rule.name(), () -> {
                    db.execute("set local statement_timeout = '1s'");
                    db.execute("set local lock_timeout = '1s'");
                    return rule.purge() == null ? deleteBatch(rule, now, size) : rule.purge().deleteBatch(db, now, size);
                });
            } catch (DataAccessException e) {
                if (!cancelledForTime(e) || size == SMALLEST_BATCH) {
                    throw e;
                }
                batch = Math.max(SMALLEST_BATCH, size / 4);
                continue;
            }
            total += deleted;
            counter.increment(deleted);
            if (deleted < size) {
                return total;
            }
            long took = System.nanoTime() - started;
            batch = took > SLOW_NANOS ? Math.max(SMALLEST_BATCH, size / 2) : took < QUICK_NANOS ? Math.min(LARGEST_BATCH, size * 2) : size;
        }
    }

    /** The rule's counter, made at start so the metric is there (at zero) before anything expires. */
    Counter counter(RetentionRule rule) {
        return purged.computeIfAbsent(rule.name(), name -> Counter.builder("classentra.retention.purged")
                .description("Rows deleted by a retention rule of the personal-data registry").tag("rule", name).register(meters));
    }

    /**
     * One batch by physical row id, skipping rows another transaction holds, so the purge waits on nothing. Row-level
     * security lets FOR UPDATE see only rows the platform scope may update, so each table's policies must allow that
     * (RetentionRulesTest fails for a rule whose rows would never be found).
     */
    private int deleteBatch(RetentionRule rule, OffsetDateTime now, int size) {
        return db.deleteFrom(rule.table())
                .where(DSL.condition("{0} = any(array({1}))", CTID,
                        db.select(CTID).from(rule.table()).where(rule.expiredAt().apply(now)).limit(size).forUpdate().skipLocked()))
                .execute();
    }

    /** statement_timeout (57014) or lock_timeout (55P03). */
    private static boolean cancelledForTime(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("57014".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
