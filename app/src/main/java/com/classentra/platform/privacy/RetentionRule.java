package com.classentra.platform.privacy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAmount;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A bounded life for a table's rows: which rows have expired at a given moment. Each rule runs as its own job,
 * {@code retention-<name>}, every {@link #every}, in small batches (see {@link RetentionPurge}).
 *
 * @param period     the rule in words, for people reading the privacy map and the operations guide
 * @param expiredAt  the rows that have expired at the given moment
 * @param purge      how one batch is deleted, when the table cannot be deleted from directly (the audit log is
 *                   append-only for the application); null for a plain delete
 */
public record RetentionRule(String name, Table<?> table, String period, Duration every, Function<OffsetDateTime, Condition> expiredAt,
        BatchPurge purge) {

    /** Deletes at most {@code batch} expired rows as of {@code now}; returns how many. */
    @FunctionalInterface
    public interface BatchPurge {
        int deleteBatch(DSLContext db, OffsetDateTime now, int batch);
    }

    public String jobName() {
        return "retention-" + name;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {

        private final String name;
        private String period;
        private Duration every = Duration.ofHours(1);
        private Function<OffsetDateTime, Condition> expiredAt;
        private Condition also = DSL.noCondition();
        private BatchPurge purge;

        private Builder(String name) {
            this.name = name;
        }

        /** Rows expire {@code keep} after the moment in {@code from}. */
        public Builder after(TemporalAmount keep, Field<OffsetDateTime> from, String period) {
            this.expiredAt = now -> from.lt(now.minus(keep));
            this.period = period;
            return this;
        }

        /** Rows expire when the condition holds at the given moment. */
        public Builder when(Function<OffsetDateTime, Condition> expiredAt, String period) {
            this.expiredAt = expiredAt;
            this.period = period;
            return this;
        }

        /** Only rows that also meet this condition expire (an email that was sent, a report not being sent). */
        public Builder onlyWhere(Condition also) {
            this.also = also;
            return this;
        }

        public Builder every(Duration every) {
            this.every = every;
            return this;
        }

        public Builder purgedBy(BatchPurge purge) {
            this.purge = purge;
            return this;
        }

        RetentionRule build(Table<?> table) {
            Objects.requireNonNull(expiredAt, "when rows expire");
            Condition extra = also;
            Function<OffsetDateTime, Condition> expired = expiredAt;
            return new RetentionRule(name, table, period, every, now -> expired.apply(now).and(extra), purge);
        }
    }
}
