package com.classentra.files;

import static com.classentra.db.jooq.Tables.FILE_PURGE;
import static com.classentra.db.jooq.Tables.STORED_FILE;

import com.classentra.db.jooq.tables.records.FilePurgeRecord;
import com.classentra.platform.jobs.QueueTable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** jOOQ queries on file metadata; row-level security decides whose files a caller reaches. */
@Repository
class FileRepository {

    /** Keys of deleted files whose objects are still to be deleted from storage (platform scope). */
    static final QueueTable<FilePurgeRecord> PURGE_QUEUE = new QueueTable<>(FILE_PURGE, FILE_PURGE.ID, FILE_PURGE.STATUS,
            FILE_PURGE.ATTEMPTS, FILE_PURGE.NEXT_ATTEMPT_AT, FILE_PURGE.LEASE_UNTIL, FILE_PURGE.LAST_ERROR, FILE_PURGE.QUEUED_AT,
            FILE_PURGE.UPDATED_AT);

    private final DSLContext db;

    FileRepository(DSLContext db) {
        this.db = db;
    }

    record NewFile(UUID id, UUID tenantId, UUID courseId, UUID itemId, UUID submissionId, Integer submissionVersion, UUID messageId, UUID uploadedBy,
            String storageKey, String filename, String contentType, long sizeBytes, String sha256) {
    }

    void insert(NewFile file) {
        db.insertInto(STORED_FILE)
                .set(STORED_FILE.ID, file.id()).set(STORED_FILE.TENANT_ID, file.tenantId()).set(STORED_FILE.COURSE_ID, file.courseId())
                .set(STORED_FILE.ITEM_ID, file.itemId()).set(STORED_FILE.SUBMISSION_ID, file.submissionId())
                .set(STORED_FILE.SUBMISSION_VERSION, file.submissionVersion()).set(STORED_FILE.MESSAGE_ID, file.messageId())
                .set(STORED_FILE.UPLOADED_BY, file.uploadedBy())
                .set(STORED_FILE.STORAGE_KEY, file.storageKey()).set(STORED_FILE.FILENAME, file.filename())
                .set(STORED_FILE.CONTENT_TYPE, file.contentType()).set(STORED_FILE.SIZE_BYTES, file.sizeBytes())
                .set(STORED_FILE.SHA256, file.sha256())
                .execute();
    }

    record Located(StoredFileInfo info, String storageKey) {
    }

    Optional<Located> find(UUID id) {
        return db.selectFrom(STORED_FILE).where(STORED_FILE.ID.eq(id)).fetchOptional(r -> new Located(info(r), r.get(STORED_FILE.STORAGE_KEY)));
    }

    /** The files of several items in one statement (course pages list many items). */
    List<StoredFileInfo> ofItems(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(STORED_FILE).where(STORED_FILE.ITEM_ID.in(itemIds)).orderBy(STORED_FILE.CREATED_AT, STORED_FILE.FILENAME)
                .fetch(FileRepository::info);
    }

    List<StoredFileInfo> ofSubmissions(Collection<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(STORED_FILE).where(STORED_FILE.SUBMISSION_ID.in(submissionIds))
                .orderBy(STORED_FILE.SUBMISSION_VERSION.desc(), STORED_FILE.FILENAME)
                .fetch(FileRepository::info);
    }

    /** Deletes the row; the database queues its object for the purge job in the same transaction. */
    List<StoredFileInfo> ofMessages(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(STORED_FILE).where(STORED_FILE.MESSAGE_ID.in(messageIds)).orderBy(STORED_FILE.CREATED_AT, STORED_FILE.FILENAME)
                .fetch(FileRepository::info);
    }

    int deleteOfMessage(UUID messageId) {
        return db.deleteFrom(STORED_FILE).where(STORED_FILE.MESSAGE_ID.eq(messageId)).execute();
    }

    boolean delete(UUID id) {
        return db.deleteFrom(STORED_FILE).where(STORED_FILE.ID.eq(id)).execute() == 1;
    }

    /** The object was deleted from storage: its key leaves the purge queue. */
    void purged(UUID purgeId) {
        PURGE_QUEUE.remove(db, purgeId);
    }

    int queuePurge(String key) {
        return db.insertInto(FILE_PURGE).set(FILE_PURGE.STORAGE_KEY, key).onConflictDoNothing().execute();
    }

    private static StoredFileInfo info(Record r) {
        UUID owner = r.get(STORED_FILE.ITEM_ID) != null ? r.get(STORED_FILE.ITEM_ID)
                : r.get(STORED_FILE.SUBMISSION_ID) != null ? r.get(STORED_FILE.SUBMISSION_ID) : r.get(STORED_FILE.MESSAGE_ID);
        return new StoredFileInfo(r.get(STORED_FILE.ID), owner, r.get(STORED_FILE.SUBMISSION_VERSION), r.get(STORED_FILE.FILENAME),
                r.get(STORED_FILE.CONTENT_TYPE), r.get(STORED_FILE.SIZE_BYTES), r.get(STORED_FILE.CREATED_AT));
    }
}
