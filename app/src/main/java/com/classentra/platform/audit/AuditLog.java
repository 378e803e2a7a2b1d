package com.classentra.platform.audit;

import static com.classentra.db.jooq.Tables.AUDIT_EVENT;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Append-only record of who did what. Joins the caller's transaction, so the event and the change commit together. */
@Service
public class AuditLog {

    private final DSLContext db;
    private final JsonMapper json;

    AuditLog(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * @param tenantId null for platform-level events
     * @param details  small context; never secrets
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID tenantId, UUID actorUserId, String action, String targetType, String targetId, Map<String, ?> details) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.TENANT_ID, tenantId)
                .set(AUDIT_EVENT.ACTOR_USER_ID, actorUserId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(json.writeValueAsString(details)))
                .execute();
    }
}
