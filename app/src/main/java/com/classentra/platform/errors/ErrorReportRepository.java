package com.classentra.platform.errors;

import static com.classentra.db.jooq.Tables.ERROR_REPORT;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.tables.records.ErrorReportRecord;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.plugin.api.errors.ErrorEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ queries on {@code error_report}; every one needs the platform scope. */
@Repository
class ErrorReportRepository {

    static final QueueTable<ErrorReportRecord> QUEUE = new QueueTable<>(ERROR_REPORT, ERROR_REPORT.ID, ERROR_REPORT.STATUS,
            ERROR_REPORT.ATTEMPTS, ERROR_REPORT.NEXT_ATTEMPT_AT, ERROR_REPORT.LEASE_UNTIL, ERROR_REPORT.LAST_ERROR,
            ERROR_REPORT.CREATED_AT, ERROR_REPORT.UPDATED_AT);

    private final DSLContext db;

    ErrorReportRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Adds one occurrence: to the open row of the same fingerprint when there is one (a burst), otherwise in a new
     * row due when the burst window has passed.
     *
     * @return true when a new row was opened, false when the occurrence joined an open one
     */
    boolean record(String fingerprint, ErrorEvent event, JSONB tags, Duration burstWindow) {
        return db.insertInto(ERROR_REPORT)
                .set(ERROR_REPORT.FINGERPRINT, fingerprint)
                .set(ERROR_REPORT.EXCEPTION_TYPE, event.exceptionType())
                .set(ERROR_REPORT.MESSAGE, event.message())
                .set(ERROR_REPORT.STACK_FRAMES, event.stackFrames().toArray(String[]::new))
                .set(ERROR_REPORT.RELEASE, event.release())
                .set(ERROR_REPORT.TAGS, tags)
                .set(ERROR_REPORT.NEXT_ATTEMPT_AT, OffsetDateTime.now().plus(burstWindow))
                .onConflict(ERROR_REPORT.FINGERPRINT)
                .where(ERROR_REPORT.STATUS.eq(QueueTable.PENDING).and(ERROR_REPORT.ATTEMPTS.eq(0)))
                .doUpdate()
                .set(ERROR_REPORT.OCCURRENCES, ERROR_REPORT.OCCURRENCES.plus(1))
                .set(ERROR_REPORT.LAST_SEEN_AT, currentOffsetDateTime())
                .set(ERROR_REPORT.UPDATED_AT, currentOffsetDateTime())
                // xmax is 0 on a row version this statement inserted, and set on one it updated.
                .returningResult(DSL.field(DSL.sql("(xmax = 0)"), Boolean.class))
                .fetchSingle()
                .value1();
    }

    void markSent(UUID id, String providerId) {
        db.update(ERROR_REPORT)
                .set(ERROR_REPORT.STATUS, QueueTable.SENT)
                .set(ERROR_REPORT.SENT_AT, currentOffsetDateTime())
                .set(ERROR_REPORT.PROVIDER_ID, providerId)
                .set(ERROR_REPORT.LEASE_UNTIL, (OffsetDateTime) null)
                .set(ERROR_REPORT.LAST_ERROR, (String) null)
                .set(ERROR_REPORT.UPDATED_AT, currentOffsetDateTime())
                .where(ERROR_REPORT.ID.eq(id))
                .execute();
    }
}
