package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.tables.records.DataExportRecord;
import com.classentra.platform.jobs.QueueTable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Export requests: a person's own in their scope; building and expiring them in the platform scope. */
@Repository
class DataExportRepository {

    static final QueueTable<DataExportRecord> QUEUE = new QueueTable<>(DATA_EXPORT, DATA_EXPORT.ID, DATA_EXPORT.STATUS,
            DATA_EXPORT.ATTEMPTS, DATA_EXPORT.NEXT_ATTEMPT_AT, DATA_EXPORT.LEASE_UNTIL, DATA_EXPORT.LAST_ERROR, DATA_EXPORT.CREATED_AT,
            DATA_EXPORT.UPDATED_AT);

    private final DSLContext db;

    DataExportRepository(DSLContext db) {
        this.db = db;
    }

    UUID insert(UUID userId) {
        return db.insertInto(DATA_EXPORT).set(DATA_EXPORT.USER_ID, userId).returning(DATA_EXPORT.ID).fetchSingle(DATA_EXPORT.ID);
    }

    /** The person's newest request (row-level security keeps to the caller's own). */
    Optional<DataExportRecord> latest(UUID userId) {
        return db.selectFrom(DATA_EXPORT).where(DATA_EXPORT.USER_ID.eq(userId)).orderBy(DATA_EXPORT.CREATED_AT.desc()).limit(1).fetchOptional();
    }

    Optional<DataExportRecord> find(UUID id) {
        return db.selectFrom(DATA_EXPORT).where(DATA_EXPORT.ID.eq(id)).fetchOptional();
    }

    void progress(UUID id, String progress) {
        db.update(DATA_EXPORT).set(DATA_EXPORT.PROGRESS, progress).set(DATA_EXPORT.UPDATED_AT, currentOffsetDateTime())
                .where(DATA_EXPORT.ID.eq(id)).execute();
    }

    void ready(UUID id, String storageKey, long sizeBytes, OffsetDateTime expiresAt) {
        db.update(DATA_EXPORT).set(DATA_EXPORT.STATUS, QueueTable.SENT).set(DATA_EXPORT.STORAGE_KEY, storageKey)
                .set(DATA_EXPORT.SIZE_BYTES, sizeBytes).set(DATA_EXPORT.READY_AT, currentOffsetDateTime())
                .set(DATA_EXPORT.EXPIRES_AT, expiresAt).set(DATA_EXPORT.PROGRESS, (String) null).set(DATA_EXPORT.LEASE_UNTIL, (OffsetDateTime) null)
                .set(DATA_EXPORT.UPDATED_AT, currentOffsetDateTime())
                .where(DATA_EXPORT.ID.eq(id)).execute();
    }

    /** Ready exports whose archive is past its expiry and still in storage. */
    List<DataExportRecord> expiredArchives(OffsetDateTime now, int limit) {
        return db.selectFrom(DATA_EXPORT)
                .where(DATA_EXPORT.STATUS.eq(QueueTable.SENT), DATA_EXPORT.OBJECT_DELETED_AT.isNull(), DATA_EXPORT.EXPIRES_AT.le(now))
                .orderBy(DATA_EXPORT.EXPIRES_AT).limit(limit).fetch();
    }

    void archiveDeleted(UUID id) {
        db.update(DATA_EXPORT).set(DATA_EXPORT.OBJECT_DELETED_AT, currentOffsetDateTime()).set(DATA_EXPORT.UPDATED_AT, currentOffsetDateTime())
                .where(DATA_EXPORT.ID.eq(id)).execute();
    }
}
