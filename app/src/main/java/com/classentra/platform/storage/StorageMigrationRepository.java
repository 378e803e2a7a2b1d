package com.classentra.platform.storage;

import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION;
import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION_FAILURE;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import com.classentra.db.jooq.tables.records.StorageMigrationFailureRecord;
import com.classentra.db.jooq.tables.records.StorageMigrationRecord;
import com.classentra.platform.db.EnumColumn;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.Slot;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** jOOQ queries on {@code storage_migration} and its failures. Reads work in any scope, writes need the platform scope. */
@Repository
class StorageMigrationRepository {

    /**
     * Failed copies waiting for another try (platform scope). Only the running migration has any (abandoning drops them,
     * a migration is done only without any), so the queue needs no condition on the migration.
     */
    static final QueueTable<StorageMigrationFailureRecord> FAILURES = new QueueTable<>(STORAGE_MIGRATION_FAILURE, STORAGE_MIGRATION_FAILURE.ID,
            STORAGE_MIGRATION_FAILURE.STATUS, STORAGE_MIGRATION_FAILURE.ATTEMPTS, STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT,
            STORAGE_MIGRATION_FAILURE.LEASE_UNTIL, STORAGE_MIGRATION_FAILURE.LAST_ERROR, STORAGE_MIGRATION_FAILURE.CREATED_AT,
            STORAGE_MIGRATION_FAILURE.UPDATED_AT);
    private static final TypeReference<LinkedHashMap<String, String>> CONFIG = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    StorageMigrationRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(UUID id, StoredSlot source, String targetProviderId, long targetVersion, UUID actor) {
        db.insertInto(STORAGE_MIGRATION)
                .set(STORAGE_MIGRATION.ID, id)
                .set(STORAGE_MIGRATION.SOURCE_PROVIDER_ID, source.providerId())
                .set(STORAGE_MIGRATION.SOURCE_PLUGIN_ID, source.pluginId())
                .set(STORAGE_MIGRATION.SOURCE_CONFIG, JSONB.valueOf(json.writeValueAsString(source.config())))
                .set(STORAGE_MIGRATION.SOURCE_VERSION, source.version())
                .set(STORAGE_MIGRATION.TARGET_PROVIDER_ID, targetProviderId)
                .set(STORAGE_MIGRATION.TARGET_VERSION, targetVersion)
                .set(STORAGE_MIGRATION.STARTED_BY, actor)
                .execute();
    }

    Optional<StorageMigration> running() {
        return db.selectFrom(STORAGE_MIGRATION).where(StorageColumns.MIGRATION_STATUS.eq(StorageMigration.Status.COPYING))
                .fetchOptional(this::migration);
    }

    /** The most recent migrations, newest first. */
    List<StorageMigration> recent(int limit) {
        return db.selectFrom(STORAGE_MIGRATION).orderBy(STORAGE_MIGRATION.STARTED_AT.desc()).limit(limit).fetch(this::migration);
    }

    private StorageMigration migration(StorageMigrationRecord r) {
        Map<String, String> config = json.readValue(r.getSourceConfig().data(), CONFIG);
        StoredSlot source = new StoredSlot(Slot.STORAGE, r.getSourceProviderId(), r.getSourcePluginId(), config, r.getSourceVersion(), null, null);
        return new StorageMigration(r.getId(), source, r.getTargetProviderId(), r.getTargetVersion(),
                EnumColumn.get(r, StorageColumns.MIGRATION_STATUS), r.getListingCursor(), r.getListingDone(), r.getObjectsListed(),
                r.getObjectsCopied(), r.getObjectsPresent(), r.getObjectsGone(), r.getBytesCopied(), failing(r.getId(), noCondition()),
                failing(r.getId(), STORAGE_MIGRATION_FAILURE.STATUS.eq(QueueTable.DEAD)),
                r.getLastError(), r.getStartedAt(), r.getFinishedAt());
    }

    /** Progress after one page of the listing, or after retries (cursor unchanged when {@code cursor} is null). */
    void advance(UUID id, String cursor, boolean listingDone, Tally tally, String lastError) {
        db.update(STORAGE_MIGRATION)
                .set(STORAGE_MIGRATION.LISTING_CURSOR, cursor == null ? STORAGE_MIGRATION.LISTING_CURSOR : val(cursor))
                .set(STORAGE_MIGRATION.LISTING_DONE, listingDone ? val(true) : STORAGE_MIGRATION.LISTING_DONE)
                .set(STORAGE_MIGRATION.OBJECTS_LISTED, STORAGE_MIGRATION.OBJECTS_LISTED.plus(tally.listed))
                .set(STORAGE_MIGRATION.OBJECTS_COPIED, STORAGE_MIGRATION.OBJECTS_COPIED.plus(tally.copied))
                .set(STORAGE_MIGRATION.OBJECTS_PRESENT, STORAGE_MIGRATION.OBJECTS_PRESENT.plus(tally.present))
                .set(STORAGE_MIGRATION.OBJECTS_GONE, STORAGE_MIGRATION.OBJECTS_GONE.plus(tally.gone))
                .set(STORAGE_MIGRATION.BYTES_COPIED, STORAGE_MIGRATION.BYTES_COPIED.plus(tally.bytes))
                .set(STORAGE_MIGRATION.LAST_ERROR, lastError)
                .set(STORAGE_MIGRATION.UPDATED_AT, currentOffsetDateTime())
                .where(STORAGE_MIGRATION.ID.eq(id))
                .execute();
    }

    /** The copy's target was reconfigured without moving (new credentials, say): it now serves this version. */
    void retarget(UUID id, long targetVersion) {
        db.update(STORAGE_MIGRATION)
                .set(STORAGE_MIGRATION.TARGET_VERSION, targetVersion)
                .set(STORAGE_MIGRATION.UPDATED_AT, currentOffsetDateTime())
                .where(STORAGE_MIGRATION.ID.eq(id))
                .execute();
    }

    void finish(UUID id, StorageMigration.Status status) {
        db.update(STORAGE_MIGRATION)
                .set(StorageColumns.MIGRATION_STATUS, status)
                .set(STORAGE_MIGRATION.FINISHED_AT, currentOffsetDateTime())
                .set(STORAGE_MIGRATION.UPDATED_AT, currentOffsetDateTime())
                .where(STORAGE_MIGRATION.ID.eq(id).and(StorageColumns.MIGRATION_STATUS.eq(StorageMigration.Status.COPYING)))
                .execute();
    }

    /**
     * Records a failed copy of a listed object (its first try), due again at {@code nextAttemptAt} or given up; only while
     * the migration is copying, so an abandoned one gets no new failures.
     */
    void recordFailure(UUID id, String key, String error, OffsetDateTime nextAttemptAt, boolean givenUp) {
        String status = givenUp ? QueueTable.DEAD : QueueTable.PENDING;
        db.insertInto(STORAGE_MIGRATION_FAILURE, STORAGE_MIGRATION_FAILURE.MIGRATION_ID, STORAGE_MIGRATION_FAILURE.OBJECT_KEY,
                        STORAGE_MIGRATION_FAILURE.LAST_ERROR, STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, STORAGE_MIGRATION_FAILURE.STATUS)
                .select(select(val(id), val(key), val(error), val(nextAttemptAt), val(status))
                        .whereExists(selectOne().from(STORAGE_MIGRATION).where(STORAGE_MIGRATION.ID.eq(id)
                                .and(StorageColumns.MIGRATION_STATUS.eq(StorageMigration.Status.COPYING)))))
                // Listed again after a restart before the cursor was saved: one more failed try of the same object.
                .onConflict(STORAGE_MIGRATION_FAILURE.MIGRATION_ID, STORAGE_MIGRATION_FAILURE.OBJECT_KEY).doUpdate()
                .set(STORAGE_MIGRATION_FAILURE.ATTEMPTS, STORAGE_MIGRATION_FAILURE.ATTEMPTS.plus(1))
                .set(STORAGE_MIGRATION_FAILURE.LAST_ERROR, error)
                .set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, nextAttemptAt)
                .set(STORAGE_MIGRATION_FAILURE.STATUS, status)
                .set(STORAGE_MIGRATION_FAILURE.UPDATED_AT, currentOffsetDateTime())
                .execute();
    }

    /** The copy went through on a later try. */
    void resolveFailure(UUID failureId) {
        FAILURES.remove(db, failureId);
    }

    /** Puts the migration's given-up copies back in the queue with fresh attempts; returns how many. */
    int requeueGivenUp(UUID id) {
        return FAILURES.requeue(db, STORAGE_MIGRATION_FAILURE.MIGRATION_ID.eq(id));
    }

    /** Drops the failed copies of a migration that was abandoned: nothing will copy them now. */
    void forgetFailures(UUID id) {
        db.deleteFrom(STORAGE_MIGRATION_FAILURE).where(STORAGE_MIGRATION_FAILURE.MIGRATION_ID.eq(id)).execute();
    }

    /** Failed copies for the console, most tried first. */
    List<StorageMigration.FailedCopy> failures(UUID id, int limit) {
        return db.selectFrom(STORAGE_MIGRATION_FAILURE).where(STORAGE_MIGRATION_FAILURE.MIGRATION_ID.eq(id))
                .orderBy(STORAGE_MIGRATION_FAILURE.ATTEMPTS.desc(), STORAGE_MIGRATION_FAILURE.OBJECT_KEY)
                .limit(limit)
                .fetch(r -> new StorageMigration.FailedCopy(r.getObjectKey(), r.getAttempts(), r.getLastError(), r.getNextAttemptAt(),
                        QueueTable.DEAD.equals(r.getStatus())));
    }

    /** Visible in platform scope only: elsewhere the count reads 0, which only the console and the job need. */
    private long failing(UUID id, Condition which) {
        Field<Integer> count = selectCount().from(STORAGE_MIGRATION_FAILURE).where(STORAGE_MIGRATION_FAILURE.MIGRATION_ID.eq(id).and(which))
                .asField();
        return db.select(count).fetchSingle(count);
    }

    /** Counts to add to a migration's progress. */
    static final class Tally {
        long listed;
        long copied;
        long present;
        long gone;
        long bytes;
    }
}
