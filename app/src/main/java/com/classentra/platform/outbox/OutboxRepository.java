package com.classentra.platform.outbox;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.outbox.OutboxEntry.Status;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** jOOQ queries on {@code email_outbox}. All but {@link #insert} need the platform scope. */
@Repository
class OutboxRepository {

    static final QueueTable<EmailOutboxRecord> QUEUE = new QueueTable<>(EMAIL_OUTBOX, EMAIL_OUTBOX.ID, EMAIL_OUTBOX.STATUS,
            EMAIL_OUTBOX.ATTEMPTS, EMAIL_OUTBOX.NEXT_ATTEMPT_AT, EMAIL_OUTBOX.LEASE_UNTIL, EMAIL_OUTBOX.LAST_ERROR,
            EMAIL_OUTBOX.CREATED_AT, EMAIL_OUTBOX.UPDATED_AT);

    private final DSLContext db;

    OutboxRepository(DSLContext db) {
        this.db = db;
    }

    /** No RETURNING: a platform email queued from a user's scope could not read its own row back. */
    void insert(UUID id, EmailRequest request, String subject, String language, OutboxBodies.Sealed bodies) {
        db.insertInto(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.ID, id)
                .set(EMAIL_OUTBOX.TENANT_ID, request.tenantId())
                .set(EMAIL_OUTBOX.RECIPIENT_USER_ID, request.recipientUserId())
                .set(EMAIL_OUTBOX.TO_ADDRESS, request.toAddress())
                .set(EMAIL_OUTBOX.TO_NAME, request.toName())
                .set(EMAIL_OUTBOX.TEMPLATE, request.template())
                .set(EMAIL_OUTBOX.LOCALE, language)
                .set(EMAIL_OUTBOX.SUBJECT, subject)
                .set(EMAIL_OUTBOX.TEXT_BODY, bodies.text())
                .set(EMAIL_OUTBOX.HTML_BODY, bodies.html())
                .execute();
    }

    /** Sent: the bodies are blanked, so nothing the email carried (a link, a name, a grade) stays behind. */
    void markSent(UUID id, String providerId, String providerMessageId) {
        db.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, Status.SENT.name())
                .set(EMAIL_OUTBOX.TEXT_BODY, "")
                .set(EMAIL_OUTBOX.HTML_BODY, (String) null)
                .set(EMAIL_OUTBOX.SENT_AT, currentOffsetDateTime())
                .set(EMAIL_OUTBOX.PROVIDER_ID, providerId)
                .set(EMAIL_OUTBOX.PROVIDER_MESSAGE_ID, providerMessageId)
                .set(EMAIL_OUTBOX.LEASE_UNTIL, (OffsetDateTime) null)
                .set(EMAIL_OUTBOX.LAST_ERROR, (String) null)
                .set(EMAIL_OUTBOX.UPDATED_AT, currentOffsetDateTime())
                .where(EMAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Puts a dead row back in the queue with a fresh attempt budget. */
    boolean requeue(UUID id) {
        return QUEUE.requeue(db, EMAIL_OUTBOX.ID.eq(id)) == 1;
    }

    List<OutboxEntry> recent(Status status, int limit) {
        return db.selectFrom(EMAIL_OUTBOX)
                .where(status == null ? org.jooq.impl.DSL.noCondition() : EMAIL_OUTBOX.STATUS.eq(status.name()))
                .orderBy(EMAIL_OUTBOX.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new OutboxEntry(r.getId(), r.getToAddress(), r.getTemplate(), r.getSubject(),
                        Status.valueOf(r.getStatus()), r.getAttempts(), r.getNextAttemptAt(), r.getLastError(),
                        r.getProviderId(), r.getProviderMessageId(), r.getCreatedAt(), r.getSentAt()));
    }
}
