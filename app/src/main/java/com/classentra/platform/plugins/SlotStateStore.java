package com.classentra.platform.plugins;

import static com.classentra.db.jooq.Tables.PLUGIN_SLOT_STATE;

import com.classentra.plugin.api.Slot;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Sequence;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code plugin_slot_state}: which provider serves each slot, with its stored settings. */
@Repository
class SlotStateStore {

    private static final TypeReference<LinkedHashMap<String, String>> CONFIG = new TypeReference<>() {
    };

    /** Never repeats, even after a row is deleted (jOOQ treats it as the column default, so it is declared here). */
    private static final Sequence<Long> VERSIONS = DSL.sequence(DSL.name("plugin_slot_state_version_seq"), Long.class);

    private final DSLContext db;
    private final JsonMapper json;

    SlotStateStore(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The stored choice for the slot; empty when an administrator never chose. Readable in any scope. */
    Optional<StoredSlot> find(Slot slot) {
        return db.selectFrom(PLUGIN_SLOT_STATE)
                .where(PLUGIN_SLOT_STATE.SLOT.eq(slot.key()))
                .fetchOptional(r -> new StoredSlot(slot, r.getActiveProviderId(), r.getPluginId(),
                        json.readValue(r.getConfig().data(), CONFIG), r.getVersion(), r.getUpdatedBy(), r.getUpdatedAt()));
    }

    /** Saves the choice; must run in platform scope (the table's write policy requires it). */
    @Transactional(propagation = Propagation.MANDATORY)
    long save(Slot slot, String providerId, String pluginId, Map<String, String> storedConfig, UUID actor) {
        JSONB config = JSONB.valueOf(json.writeValueAsString(storedConfig));
        return db.insertInto(PLUGIN_SLOT_STATE)
                .set(PLUGIN_SLOT_STATE.SLOT, slot.key())
                .set(PLUGIN_SLOT_STATE.ACTIVE_PROVIDER_ID, providerId)
                .set(PLUGIN_SLOT_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_SLOT_STATE.CONFIG, config)
                .set(PLUGIN_SLOT_STATE.UPDATED_BY, actor)
                .onConflict(PLUGIN_SLOT_STATE.SLOT).doUpdate()
                .set(PLUGIN_SLOT_STATE.ACTIVE_PROVIDER_ID, providerId)
                .set(PLUGIN_SLOT_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_SLOT_STATE.CONFIG, config)
                .set(PLUGIN_SLOT_STATE.VERSION, VERSIONS.nextval())
                .set(PLUGIN_SLOT_STATE.UPDATED_BY, actor)
                .set(PLUGIN_SLOT_STATE.UPDATED_AT, OffsetDateTime.now())
                .returning(PLUGIN_SLOT_STATE.VERSION)
                .fetchSingle(PLUGIN_SLOT_STATE.VERSION);
    }
}
