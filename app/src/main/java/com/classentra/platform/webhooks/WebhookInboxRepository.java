package com.classentra.platform.webhooks;

import static com.classentra.db.jooq.Tables.WEBHOOK_INBOX;

import com.classentra.db.jooq.tables.records.WebhookInboxRecord;
import com.classentra.platform.jobs.QueueTable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The inbox table; every statement runs in the platform scope (the table is the platform's, not a workspace's). */
@Repository
class WebhookInboxRepository {

    static final QueueTable<WebhookInboxRecord> QUEUE = new QueueTable<>(WEBHOOK_INBOX, WEBHOOK_INBOX.ID, WEBHOOK_INBOX.STATUS,
            WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.NEXT_ATTEMPT_AT, WEBHOOK_INBOX.LEASE_UNTIL, WEBHOOK_INBOX.LAST_ERROR,
            WEBHOOK_INBOX.CREATED_AT, WEBHOOK_INBOX.UPDATED_AT);

    private final DSLContext db;
    private final JsonMapper json;

    WebhookInboxRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Stores the event unless the same (slot, provider, event id) is there already; true when it was stored now. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean storeOnce(String slot, String providerId, WebhookHandler.VerifiedWebhook verified, byte[] body) {
        return db.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.SLOT, slot)
                .set(WEBHOOK_INBOX.PROVIDER_ID, providerId)
                .set(WEBHOOK_INBOX.EVENT_ID, verified.eventId())
                .set(WEBHOOK_INBOX.EVENT_TYPE, verified.type())
                .set(WEBHOOK_INBOX.BODY, body)
                .set(WEBHOOK_INBOX.EVENT, JSONB.valueOf(json.writeValueAsString(verified.event())))
                .onConflict(WEBHOOK_INBOX.SLOT, WEBHOOK_INBOX.PROVIDER_ID, WEBHOOK_INBOX.EVENT_ID).doNothing()
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void processed(UUID id) {
        db.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, QueueTable.SENT)
                .set(WEBHOOK_INBOX.PROCESSED_AT, OffsetDateTime.now())
                .set(WEBHOOK_INBOX.LEASE_UNTIL, (OffsetDateTime) null)
                .set(WEBHOOK_INBOX.LAST_ERROR, (String) null)
                .set(WEBHOOK_INBOX.UPDATED_AT, OffsetDateTime.now())
                .where(WEBHOOK_INBOX.ID.eq(id))
                .execute();
    }

    /** The latest webhooks, newest first, for the administrator. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ReceivedWebhook> latest(int limit) {
        return db.select(WEBHOOK_INBOX.ID, WEBHOOK_INBOX.SLOT, WEBHOOK_INBOX.PROVIDER_ID, WEBHOOK_INBOX.EVENT_ID, WEBHOOK_INBOX.EVENT_TYPE,
                        WEBHOOK_INBOX.STATUS, WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.LAST_ERROR, WEBHOOK_INBOX.RECEIVED_AT, WEBHOOK_INBOX.PROCESSED_AT)
                .from(WEBHOOK_INBOX)
                .orderBy(WEBHOOK_INBOX.RECEIVED_AT.desc())
                .limit(limit)
                .fetch(r -> new ReceivedWebhook(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9().toInstant(), r.value10() == null ? null : r.value10().toInstant()));
    }
}
