package com.classentra.live;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.LIVE_PARTICIPATION;
import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;
import static com.classentra.db.jooq.Tables.VIDEO_PROVIDER_VERSION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.video.VideoEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rooms, participation and recordings of native live classes, and the provider settings that made them. */
@Repository
class LiveRoomRepository {

    private static final TypeReference<LinkedHashMap<String, String>> CONFIG = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    LiveRoomRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A room as the webhooks and the jobs need it. */
    record RoomRef(UUID id, UUID tenantId, UUID courseId, String roomName, String providerId, Long providerVersion) {
    }

    /** Keeps the settings a room is about to be made with (platform scope). */
    @Transactional(propagation = Propagation.MANDATORY)
    void keepProviderVersion(StoredSlot settings) {
        db.insertInto(VIDEO_PROVIDER_VERSION)
                .set(VIDEO_PROVIDER_VERSION.VERSION, settings.version())
                .set(VIDEO_PROVIDER_VERSION.PROVIDER_ID, settings.providerId())
                .set(VIDEO_PROVIDER_VERSION.PLUGIN_ID, settings.pluginId() == null ? "" : settings.pluginId())
                .set(VIDEO_PROVIDER_VERSION.CONFIG, JSONB.valueOf(json.writeValueAsString(settings.config())))
                .onConflictDoNothing()
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<StoredSlot> providerVersion(long version) {
        return db.selectFrom(VIDEO_PROVIDER_VERSION).where(VIDEO_PROVIDER_VERSION.VERSION.eq(version))
                .fetchOptional(r -> new StoredSlot(Slot.VIDEO, r.getProviderId(), r.getPluginId(), json.readValue(r.getConfig().data(), CONFIG),
                        r.getVersion(), null, null));
    }

    /**
     * The settings versions of a provider (any provider when null) that rooms still use, newest first: rooms not ended
     * or ended within a day (late webhooks), and recordings not finished.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> versionsInUse(String providerId) {
        return db.selectDistinct(LIVE_ROOM.PROVIDER_VERSION).from(LIVE_ROOM)
                .where((providerId == null ? DSL.noCondition() : LIVE_ROOM.PROVIDER_ID.eq(providerId)).and(LIVE_ROOM.PROVIDER_VERSION.isNotNull())
                        .and(LIVE_ROOM.ENDED_AT.isNull().or(LIVE_ROOM.ENDED_AT.gt(OffsetDateTime.now().minusDays(1)))))
                .union(select(LIVE_RECORDING.PROVIDER_VERSION).from(LIVE_RECORDING)
                        .where((providerId == null ? DSL.noCondition() : LIVE_RECORDING.PROVIDER_ID.eq(providerId))
                                .and(LiveColumns.RECORDING_STATUS.in(RecordingStatus.RECORDING, RecordingStatus.STOPPING))))
                .fetch(0, Long.class).stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<RoomRef> roomByName(String roomName) {
        return db.select(LIVE_ROOM.ID, LIVE_ROOM.TENANT_ID, LIVE_ROOM.COURSE_ID, LIVE_ROOM.ROOM_NAME, LIVE_ROOM.PROVIDER_ID, LIVE_ROOM.PROVIDER_VERSION)
                .from(LIVE_ROOM).where(LIVE_ROOM.ROOM_NAME.eq(roomName))
                .fetchOptional(r -> new RoomRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * Records a stay from a joined or left event, keyed by the provider's id of the stay: a repeated event changes
     * nothing, and the two may come in either order. The person is ours only when the identity is one of our accounts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void stay(RoomRef room, VideoEvent.ParticipantPresence who, Instant joinedAt, Instant leftAt) {
        UUID userId = accountId(who.identity());
        OffsetDateTime joined = time(joinedAt);
        OffsetDateTime left = time(leftAt);
        db.insertInto(LIVE_PARTICIPATION)
                .set(LIVE_PARTICIPATION.TENANT_ID, room.tenantId())
                .set(LIVE_PARTICIPATION.COURSE_ID, room.courseId())
                .set(LIVE_PARTICIPATION.ROOM_ID, room.id())
                .set(LIVE_PARTICIPATION.USER_ID, userId == null ? null : select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(userId)).asField())
                .set(LIVE_PARTICIPATION.PROVIDER_SESSION, who.sessionId())
                .set(LIVE_PARTICIPATION.DISPLAY_NAME, who.name() == null ? "" : who.name())
                .set(LIVE_PARTICIPATION.JOINED_AT, joined)
                .set(LIVE_PARTICIPATION.LEFT_AT, left)
                .onConflict(LIVE_PARTICIPATION.ROOM_ID, LIVE_PARTICIPATION.PROVIDER_SESSION).doUpdate()
                .set(LIVE_PARTICIPATION.JOINED_AT, least(coalesce(LIVE_PARTICIPATION.JOINED_AT, val(joined)), coalesce(val(joined), LIVE_PARTICIPATION.JOINED_AT)))
                .set(LIVE_PARTICIPATION.LEFT_AT, greatest(coalesce(LIVE_PARTICIPATION.LEFT_AT, val(left)), coalesce(val(left), LIVE_PARTICIPATION.LEFT_AT)))
                .execute();
        // The room's closing may have been applied first: events are applied in any order.
        closeOpenStays(room.id());
    }

    /** Every stay in the session's room, with the name shown there, in the caller's scope (a teacher of the workspace). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<org.jooq.Record4<UUID, String, OffsetDateTime, OffsetDateTime>> staysOfSession(UUID itemId) {
        return db.select(LIVE_PARTICIPATION.USER_ID, LIVE_PARTICIPATION.DISPLAY_NAME, LIVE_PARTICIPATION.JOINED_AT, LIVE_PARTICIPATION.LEFT_AT)
                .from(LIVE_PARTICIPATION).join(LIVE_ROOM).on(LIVE_ROOM.ID.eq(LIVE_PARTICIPATION.ROOM_ID))
                .where(LIVE_ROOM.ITEM_ID.eq(itemId))
                .orderBy(LIVE_PARTICIPATION.JOINED_AT)
                .fetch();
    }

    /** The room's stays of people who have an account here, for attendance. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<AttendanceReckoning.Stay> stays(UUID roomId) {
        return db.select(LIVE_PARTICIPATION.USER_ID, LIVE_PARTICIPATION.JOINED_AT, LIVE_PARTICIPATION.LEFT_AT).from(LIVE_PARTICIPATION)
                .where(LIVE_PARTICIPATION.ROOM_ID.eq(roomId).and(LIVE_PARTICIPATION.USER_ID.isNotNull()))
                .fetch(r -> new AttendanceReckoning.Stay(r.value1(), r.value2() == null ? null : r.value2().toInstant(),
                        r.value3() == null ? null : r.value3().toInstant()));
    }

    /** The room closed: it is ended, and whoever had no leave yet left then. */
    @Transactional(propagation = Propagation.MANDATORY)
    void finished(RoomRef room, Instant at) {
        db.update(LIVE_ROOM).set(LIVE_ROOM.ENDED_AT, coalesce(LIVE_ROOM.ENDED_AT, val(time(at)))).set(LIVE_ROOM.UPDATED_AT, currentOffsetDateTime())
                .where(LIVE_ROOM.ID.eq(room.id())).execute();
        closeOpenStays(room.id());
    }

    /** In a room that ended, a stay with no leave (it began before the end) ended with the room. */
    private void closeOpenStays(UUID roomId) {
        Field<OffsetDateTime> ended = select(LIVE_ROOM.ENDED_AT).from(LIVE_ROOM).where(LIVE_ROOM.ID.eq(roomId)).asField();
        db.update(LIVE_PARTICIPATION).set(LIVE_PARTICIPATION.LEFT_AT, ended)
                .where(LIVE_PARTICIPATION.ROOM_ID.eq(roomId).and(LIVE_PARTICIPATION.LEFT_AT.isNull()).and(ended.isNotNull())
                        .and(LIVE_PARTICIPATION.JOINED_AT.isNull().or(LIVE_PARTICIPATION.JOINED_AT.le(ended))))
                .execute();
    }

    /**
     * The recording the event is about: by the provider's id, else the room's recording started here whose id the
     * provider had not given yet, else a new one (started at the provider's side).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID recordingFor(RoomRef room, VideoEvent.RecordingInfo info) {
        Optional<UUID> known = db.select(LIVE_RECORDING.ID).from(LIVE_RECORDING)
                .where(LIVE_RECORDING.ROOM_ID.eq(room.id()).and(LIVE_RECORDING.PROVIDER_RECORDING_ID.eq(info.recordingId())))
                .fetchOptional(LIVE_RECORDING.ID);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<UUID> waiting = db.select(LIVE_RECORDING.ID).from(LIVE_RECORDING)
                .where(LIVE_RECORDING.ROOM_ID.eq(room.id()).and(LIVE_RECORDING.PROVIDER_RECORDING_ID.isNull()))
                .orderBy(LIVE_RECORDING.STARTED_AT.desc()).limit(1).forUpdate()
                .fetchOptional(LIVE_RECORDING.ID);
        if (waiting.isPresent()) {
            db.update(LIVE_RECORDING).set(LIVE_RECORDING.PROVIDER_RECORDING_ID, info.recordingId()).where(LIVE_RECORDING.ID.eq(waiting.get())).execute();
            return waiting.get();
        }
        return db.insertInto(LIVE_RECORDING)
                .set(LIVE_RECORDING.TENANT_ID, room.tenantId())
                .set(LIVE_RECORDING.COURSE_ID, room.courseId())
                .set(LIVE_RECORDING.ROOM_ID, room.id())
                .set(LIVE_RECORDING.ROOM_NAME, room.roomName())
                .set(LIVE_RECORDING.PROVIDER_ID, room.providerId())
                .set(LIVE_RECORDING.PROVIDER_VERSION, room.providerVersion())
                .set(LIVE_RECORDING.PROVIDER_RECORDING_ID, info.recordingId())
                .set(LiveColumns.RECORDING_STATUS, RecordingStatus.RECORDING)
                .set(LIVE_RECORDING.STARTED_AT, time(info.startedAt() == null ? Instant.now() : info.startedAt()))
                .onConflict(LIVE_RECORDING.ROOM_ID, LIVE_RECORDING.PROVIDER_RECORDING_ID).doNothing()
                .returning(LIVE_RECORDING.ID)
                .fetchOptional(LIVE_RECORDING.ID)
                .orElseGet(() -> recordingFor(room, info));
    }

    /** What the provider reported of a recording; a final state (ready, failed) is never undone by a late start event. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recorded(UUID recordingId, RecordingStatus status, VideoEvent.RecordingInfo info) {
        var update = db.update(LIVE_RECORDING).set(LiveColumns.RECORDING_STATUS, status).set(LIVE_RECORDING.UPDATED_AT, currentOffsetDateTime());
        if (info.startedAt() != null) {
            update = update.set(LIVE_RECORDING.STARTED_AT, time(info.startedAt()));
        }
        if (info.duration() != null) {
            update = update.set(LIVE_RECORDING.DURATION_SECONDS, info.duration().toSeconds());
        }
        if (info.sizeBytes() != null) {
            update = update.set(LIVE_RECORDING.SIZE_BYTES, info.sizeBytes());
        }
        if (info.location() != null) {
            update = update.set(LIVE_RECORDING.LOCATION, info.location());
        }
        if (info.failure() != null) {
            update = update.set(LIVE_RECORDING.FAILURE, info.failure());
        }
        update.where(LIVE_RECORDING.ID.eq(recordingId)
                        .and(status.isFinal() ? LiveColumns.RECORDING_STATUS.notIn(RecordingStatus.READY, RecordingStatus.FAILED)
                                : LiveColumns.RECORDING_STATUS.eq(RecordingStatus.RECORDING)))
                .execute();
    }

    /** Queues the closing of a room at the provider of the given settings version (a room moved to another provider). */
    @Transactional(propagation = Propagation.MANDATORY)
    void queueEndRoom(long version, String roomName) {
        db.insertInto(VIDEO_CLEANUP).set(LiveColumns.CLEANUP_ACTION, CleanupAction.END_ROOM).set(VIDEO_CLEANUP.PROVIDER_VERSION, version)
                .set(VIDEO_CLEANUP.ROOM_NAME, roomName).execute();
    }

    private static UUID accountId(String identity) {
        try {
            return identity == null || identity.isEmpty() ? null : UUID.fromString(identity);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
