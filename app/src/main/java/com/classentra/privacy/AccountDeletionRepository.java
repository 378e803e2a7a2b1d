package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;
import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION_STEP;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.tables.records.AccountDeletionRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Deletion requests and their step log; a person reaches their own request, the pipeline all of them. */
@Repository
class AccountDeletionRepository {

    private final DSLContext db;

    AccountDeletionRepository(DSLContext db) {
        this.db = db;
    }

    /** The person's request still waiting or running. */
    Optional<AccountDeletionRecord> open(UUID userId) {
        return db.selectFrom(ACCOUNT_DELETION).where(ACCOUNT_DELETION.USER_ID.eq(userId), PrivacyColumns.DELETION_STATUS.in(DeletionStatus.REQUESTED, DeletionStatus.RUNNING))
                .fetchOptional();
    }

    AccountDeletionRecord insert(UUID userId, OffsetDateTime runsAfter) {
        return db.insertInto(ACCOUNT_DELETION).set(ACCOUNT_DELETION.USER_ID, userId).set(ACCOUNT_DELETION.RUNS_AFTER, runsAfter)
                .returning().fetchSingle();
    }

    /** Cancels the person's waiting request; false when there is none (or it already runs). */
    boolean cancel(UUID userId) {
        return db.update(ACCOUNT_DELETION).set(PrivacyColumns.DELETION_STATUS, DeletionStatus.CANCELLED).set(ACCOUNT_DELETION.CANCELLED_AT, currentOffsetDateTime())
                .set(ACCOUNT_DELETION.UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_DELETION.USER_ID.eq(userId), PrivacyColumns.DELETION_STATUS.eq(DeletionStatus.REQUESTED)).execute() == 1;
    }

    /** Requests whose cool-off is over, and runs that stopped half-way; they are taken in turn, oldest first. */
    List<UUID> due(OffsetDateTime now, int limit) {
        return db.select(ACCOUNT_DELETION.ID).from(ACCOUNT_DELETION)
                .where(PrivacyColumns.DELETION_STATUS.in(DeletionStatus.REQUESTED, DeletionStatus.RUNNING), ACCOUNT_DELETION.RUNS_AFTER.le(now))
                .orderBy(ACCOUNT_DELETION.RUNS_AFTER).limit(limit).fetch(ACCOUNT_DELETION.ID);
    }

    /** Takes a due request for this run: RUNNING, one more attempt; empty when another node has it or it is no longer due. */
    Optional<AccountDeletionRecord> start(UUID id) {
        return db.update(ACCOUNT_DELETION).set(PrivacyColumns.DELETION_STATUS, DeletionStatus.RUNNING).set(ACCOUNT_DELETION.ATTEMPTS, ACCOUNT_DELETION.ATTEMPTS.plus(1))
                .set(ACCOUNT_DELETION.UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_DELETION.ID.eq(id), PrivacyColumns.DELETION_STATUS.in(DeletionStatus.REQUESTED, DeletionStatus.RUNNING))
                .returning().fetchOptional();
    }

    /** Locks the request for the length of one step, so two nodes never run the same step at once. */
    boolean lockRunning(UUID id) {
        return db.selectOne().from(ACCOUNT_DELETION).where(ACCOUNT_DELETION.ID.eq(id), PrivacyColumns.DELETION_STATUS.eq(DeletionStatus.RUNNING))
                .forUpdate().skipLocked().fetchOptional().isPresent();
    }

    Set<String> stepsDone(UUID id) {
        return Set.copyOf(db.select(ACCOUNT_DELETION_STEP.STEP).from(ACCOUNT_DELETION_STEP).where(ACCOUNT_DELETION_STEP.DELETION_ID.eq(id))
                .fetch(ACCOUNT_DELETION_STEP.STEP));
    }

    void stepDone(UUID id, String step, int rows) {
        db.insertInto(ACCOUNT_DELETION_STEP).set(ACCOUNT_DELETION_STEP.DELETION_ID, id).set(ACCOUNT_DELETION_STEP.STEP, step)
                .set(ACCOUNT_DELETION_STEP.ROWS, rows).execute();
    }

    void done(UUID id) {
        db.update(ACCOUNT_DELETION).set(PrivacyColumns.DELETION_STATUS, DeletionStatus.DONE).set(ACCOUNT_DELETION.COMPLETED_AT, currentOffsetDateTime())
                .set(ACCOUNT_DELETION.LAST_ERROR, (String) null).set(ACCOUNT_DELETION.UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_DELETION.ID.eq(id)).execute();
    }

    void failed(UUID id, String error) {
        db.update(ACCOUNT_DELETION).set(ACCOUNT_DELETION.LAST_ERROR, error).set(ACCOUNT_DELETION.UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_DELETION.ID.eq(id)).execute();
    }

    /** The storage keys of the person's export archives still in storage. */
    List<String> archivesOf(UUID userId) {
        return db.select(DATA_EXPORT.STORAGE_KEY).from(DATA_EXPORT)
                .where(DATA_EXPORT.USER_ID.eq(userId), DATA_EXPORT.STORAGE_KEY.isNotNull(), DATA_EXPORT.OBJECT_DELETED_AT.isNull())
                .fetch(DATA_EXPORT.STORAGE_KEY);
    }
}
