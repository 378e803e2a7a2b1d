package com.classentra.legal;

import static com.classentra.db.jooq.Tables.SUBPROCESSOR_CHANGE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_NOTICE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_OBJECTION;

import com.classentra.platform.db.EnumColumn;
import com.classentra.platform.plugins.ProviderSwitcher.PreparedSwitch;
import com.classentra.plugin.api.Slot;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Announced subprocessor changes, the notices sent about them and the objections made; the caller holds the scope. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SubprocessorChangeRepository {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    SubprocessorChangeRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    UUID insert(PreparedSwitch prepared, LocalDate effectiveOn) {
        UUID id = UUID.randomUUID();
        db.insertInto(SUBPROCESSOR_CHANGE)
                .set(SUBPROCESSOR_CHANGE.ID, id)
                .set(SUBPROCESSOR_CHANGE.SLOT, prepared.slot().key())
                .set(SUBPROCESSOR_CHANGE.PROVIDER_ID, prepared.providerId())
                .set(SUBPROCESSOR_CHANGE.PLUGIN_ID, prepared.pluginId())
                .set(SUBPROCESSOR_CHANGE.SETTINGS, JSONB.valueOf(json.writeValueAsString(prepared.sealedSettings())))
                .set(SUBPROCESSOR_CHANGE.PROCESSOR_BEFORE, prepared.processorBefore())
                .set(SUBPROCESSOR_CHANGE.PROCESSOR_AFTER, prepared.after().legalEntity())
                .set(SUBPROCESSOR_CHANGE.PURPOSE_AFTER, prepared.after().purpose())
                .set(SUBPROCESSOR_CHANGE.LOCATION_AFTER, prepared.after().location())
                .set(SUBPROCESSOR_CHANGE.DATA_AFTER, String.join(", ", prepared.after().dataCategories()))
                .set(SUBPROCESSOR_CHANGE.DPF_AFTER, prepared.after().dpfStatus().label())
                .set(SUBPROCESSOR_CHANGE.EFFECTIVE_ON, effectiveOn)
                .execute();
        return id;
    }

    Optional<AnnouncedChange> find(UUID id) {
        return db.select(SUBPROCESSOR_CHANGE.asterisk(), objections()).from(SUBPROCESSOR_CHANGE).where(SUBPROCESSOR_CHANGE.ID.eq(id))
                .fetchOptional(SubprocessorChangeRepository::announced);
    }

    /** Changes still to come, soonest first. */
    List<AnnouncedChange> scheduled() {
        return db.select(SUBPROCESSOR_CHANGE.asterisk(), objections()).from(SUBPROCESSOR_CHANGE)
                .where(PolicyColumns.CHANGE_STATUS.eq(ChangeStatus.SCHEDULED))
                .orderBy(SUBPROCESSOR_CHANGE.EFFECTIVE_ON, SUBPROCESSOR_CHANGE.SCHEDULED_AT)
                .fetch(SubprocessorChangeRepository::announced);
    }

    /** Every announced change, latest announcement first. */
    List<AnnouncedChange> recent(int limit) {
        return db.select(SUBPROCESSOR_CHANGE.asterisk(), objections()).from(SUBPROCESSOR_CHANGE)
                .orderBy(SUBPROCESSOR_CHANGE.SCHEDULED_AT.desc()).limit(limit)
                .fetch(SubprocessorChangeRepository::announced);
    }

    /** Scheduled changes due by {@code today}, locked for the node that applies them. */
    List<UUID> dueForUpdate(LocalDate today) {
        return db.select(SUBPROCESSOR_CHANGE.ID).from(SUBPROCESSOR_CHANGE)
                .where(PolicyColumns.CHANGE_STATUS.eq(ChangeStatus.SCHEDULED).and(SUBPROCESSOR_CHANGE.EFFECTIVE_ON.le(today)))
                .orderBy(SUBPROCESSOR_CHANGE.EFFECTIVE_ON).forUpdate().skipLocked()
                .fetch(SUBPROCESSOR_CHANGE.ID);
    }

    Map<String, String> sealedSettings(UUID id) {
        return json.readValue(db.select(SUBPROCESSOR_CHANGE.SETTINGS).from(SUBPROCESSOR_CHANGE).where(SUBPROCESSOR_CHANGE.ID.eq(id))
                .fetchSingle(SUBPROCESSOR_CHANGE.SETTINGS).data(), SETTINGS);
    }

    /** Moves a scheduled change on; false when it was no longer scheduled. */
    boolean decide(UUID id, ChangeStatus status, String failure) {
        return db.update(SUBPROCESSOR_CHANGE).set(PolicyColumns.CHANGE_STATUS, status).set(SUBPROCESSOR_CHANGE.FAILURE, failure)
                .set(SUBPROCESSOR_CHANGE.DECIDED_AT, OffsetDateTime.now())
                .where(SUBPROCESSOR_CHANGE.ID.eq(id).and(PolicyColumns.CHANGE_STATUS.eq(ChangeStatus.SCHEDULED)))
                .execute() == 1;
    }

    /** A claimed change the provider refused on its day: failed, with why. */
    void markFailed(UUID id, String failure) {
        db.update(SUBPROCESSOR_CHANGE).set(PolicyColumns.CHANGE_STATUS, ChangeStatus.FAILED).set(SUBPROCESSOR_CHANGE.FAILURE, failure)
                .where(SUBPROCESSOR_CHANGE.ID.eq(id)).execute();
    }

    UUID insertNotice(UUID changeId, UUID workspaceId, String sentTo) {
        UUID id = UUID.randomUUID();
        db.insertInto(SUBPROCESSOR_NOTICE).set(SUBPROCESSOR_NOTICE.ID, id).set(SUBPROCESSOR_NOTICE.CHANGE_ID, changeId)
                .set(SUBPROCESSOR_NOTICE.TENANT_ID, workspaceId).set(SUBPROCESSOR_NOTICE.SENT_TO, sentTo)
                .execute();
        return id;
    }

    /** The notice's change and workspace. */
    Optional<Notice> notice(UUID noticeId) {
        return db.select(SUBPROCESSOR_NOTICE.ID, SUBPROCESSOR_NOTICE.CHANGE_ID, SUBPROCESSOR_NOTICE.TENANT_ID, SUBPROCESSOR_NOTICE.SENT_TO)
                .from(SUBPROCESSOR_NOTICE).where(SUBPROCESSOR_NOTICE.ID.eq(noticeId))
                .fetchOptional(r -> new Notice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Records the workspace's objection; false when it had objected to this change already. */
    boolean insertObjection(UUID changeId, UUID workspaceId, UUID noticeId, String reason) {
        return db.insertInto(SUBPROCESSOR_OBJECTION).set(SUBPROCESSOR_OBJECTION.CHANGE_ID, changeId)
                .set(SUBPROCESSOR_OBJECTION.TENANT_ID, workspaceId).set(SUBPROCESSOR_OBJECTION.NOTICE_ID, noticeId)
                .set(SUBPROCESSOR_OBJECTION.REASON, reason)
                .onConflictDoNothing().execute() == 1;
    }

    Optional<OffsetDateTime> objectedAt(UUID changeId, UUID workspaceId) {
        return db.select(SUBPROCESSOR_OBJECTION.CREATED_AT).from(SUBPROCESSOR_OBJECTION)
                .where(SUBPROCESSOR_OBJECTION.CHANGE_ID.eq(changeId).and(SUBPROCESSOR_OBJECTION.TENANT_ID.eq(workspaceId)))
                .fetchOptional(SUBPROCESSOR_OBJECTION.CREATED_AT);
    }

    /** The objections to a change, with the workspace that made each; oldest first. */
    List<Objection> objections(UUID changeId) {
        return db.select(SUBPROCESSOR_OBJECTION.TENANT_ID, SUBPROCESSOR_OBJECTION.REASON, SUBPROCESSOR_OBJECTION.CREATED_AT,
                        SUBPROCESSOR_OBJECTION.NOTICE_ID.isNotNull())
                .from(SUBPROCESSOR_OBJECTION).where(SUBPROCESSOR_OBJECTION.CHANGE_ID.eq(changeId))
                .orderBy(SUBPROCESSOR_OBJECTION.CREATED_AT)
                .fetch(r -> new Objection(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static org.jooq.Field<Integer> objections() {
        return DSL.field(DSL.selectCount().from(SUBPROCESSOR_OBJECTION).where(SUBPROCESSOR_OBJECTION.CHANGE_ID.eq(SUBPROCESSOR_CHANGE.ID)))
                .as("objections");
    }

    private static AnnouncedChange announced(Record r) {
        return new AnnouncedChange(r.get(SUBPROCESSOR_CHANGE.ID), Slot.fromKey(r.get(SUBPROCESSOR_CHANGE.SLOT)), r.get(SUBPROCESSOR_CHANGE.PROVIDER_ID),
                r.get(SUBPROCESSOR_CHANGE.PROCESSOR_BEFORE), r.get(SUBPROCESSOR_CHANGE.PROCESSOR_AFTER), r.get(SUBPROCESSOR_CHANGE.PURPOSE_AFTER),
                r.get(SUBPROCESSOR_CHANGE.LOCATION_AFTER), r.get(SUBPROCESSOR_CHANGE.DATA_AFTER), r.get(SUBPROCESSOR_CHANGE.DPF_AFTER),
                r.get(SUBPROCESSOR_CHANGE.EFFECTIVE_ON),
                EnumColumn.get(r, PolicyColumns.CHANGE_STATUS), r.get(SUBPROCESSOR_CHANGE.FAILURE), r.get(SUBPROCESSOR_CHANGE.SCHEDULED_AT),
                r.get("objections", Integer.class));
    }

    record Notice(UUID id, UUID changeId, UUID workspaceId, String sentTo) {
    }

    record Objection(UUID workspaceId, String reason, OffsetDateTime at, boolean fromNoticeLink) {
    }
}
