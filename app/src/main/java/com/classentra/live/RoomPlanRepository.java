package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_ROOM;

import com.classentra.db.jooq.tables.records.LiveRoomRecord;
import com.classentra.platform.jobs.QueueTable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's room as planned: its times, settings, and its making at the provider (a queue: PENDING until made, SENT
 * once made, DEAD once given up). Reads and writes run in the caller's scope, so row-level security decides who sees.
 */
@Repository
class RoomPlanRepository {

    static final QueueTable<LiveRoomRecord> QUEUE = new QueueTable<>(LIVE_ROOM, LIVE_ROOM.ID, LIVE_ROOM.STATUS, LIVE_ROOM.ATTEMPTS,
            LIVE_ROOM.NEXT_ATTEMPT_AT, LIVE_ROOM.LEASE_UNTIL, LIVE_ROOM.LAST_ERROR, LIVE_ROOM.CREATED_AT, LIVE_ROOM.UPDATED_AT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] NAME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final DSLContext db;

    RoomPlanRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Plans the session's room, or brings a planned one to new times and settings; a room already made is made again
     * at the provider (which takes the new times), so it goes back to the queue.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void plan(UUID tenantId, UUID courseId, UUID itemId, Instant startsAt, Instant endsAt, RoomSettings settings) {
        OffsetDateTime starts = startsAt.atOffset(ZoneOffset.UTC);
        OffsetDateTime ends = endsAt.atOffset(ZoneOffset.UTC);
        db.insertInto(LIVE_ROOM)
                .set(LIVE_ROOM.ID, UUID.randomUUID())
                .set(LIVE_ROOM.TENANT_ID, tenantId)
                .set(LIVE_ROOM.COURSE_ID, courseId)
                .set(LIVE_ROOM.ITEM_ID, itemId)
                .set(LIVE_ROOM.ROOM_NAME, newRoomName())
                .set(LIVE_ROOM.STARTS_AT, starts)
                .set(LIVE_ROOM.ENDS_AT, ends)
                .set(LIVE_ROOM.STUDENTS_PUBLISH, settings.studentsPublish())
                .set(LIVE_ROOM.PRESENT_PERCENT, settings.presentPercent())
                .set(LIVE_ROOM.LATE_AFTER_MINUTES, settings.lateAfterMinutes())
                .onConflict(LIVE_ROOM.ITEM_ID).doUpdate()
                .set(LIVE_ROOM.STUDENTS_PUBLISH, settings.studentsPublish())
                .set(LIVE_ROOM.PRESENT_PERCENT, settings.presentPercent())
                .set(LIVE_ROOM.LATE_AFTER_MINUTES, settings.lateAfterMinutes())
                .set(LIVE_ROOM.STARTS_AT, starts)
                .set(LIVE_ROOM.ENDS_AT, ends)
                .set(LIVE_ROOM.STATUS, QueueTable.PENDING)
                .set(LIVE_ROOM.ATTEMPTS, 0)
                .set(LIVE_ROOM.NEXT_ATTEMPT_AT, OffsetDateTime.now())
                .set(LIVE_ROOM.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** Forgets the session's room; its trigger queues the closing of a room already made. */
    @Transactional(propagation = Propagation.MANDATORY)
    void unplan(UUID itemId) {
        db.deleteFrom(LIVE_ROOM).where(LIVE_ROOM.ITEM_ID.eq(itemId)).execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Optional<LiveRoomRecord> forItem(UUID itemId) {
        return db.selectFrom(LIVE_ROOM).where(LIVE_ROOM.ITEM_ID.eq(itemId)).fetchOptional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<LiveRoomRecord> forItems(Collection<UUID> itemIds) {
        return itemIds.isEmpty() ? List.of() : db.selectFrom(LIVE_ROOM).where(LIVE_ROOM.ITEM_ID.in(itemIds)).fetch();
    }

    /** Records the room as made by the provider of the given settings version (platform scope). */
    @Transactional(propagation = Propagation.MANDATORY)
    void made(UUID roomId, String providerId, long version, String url) {
        db.update(LIVE_ROOM)
                .set(LIVE_ROOM.PROVIDER_ID, providerId)
                .set(LIVE_ROOM.PROVIDER_VERSION, version)
                .set(LIVE_ROOM.ROOM_URL, url)
                .set(LIVE_ROOM.STATUS, QueueTable.SENT)
                .set(LIVE_ROOM.LEASE_UNTIL, (OffsetDateTime) null)
                .set(LIVE_ROOM.LAST_ERROR, (String) null)
                .set(LIVE_ROOM.UPDATED_AT, OffsetDateTime.now())
                .where(LIVE_ROOM.ID.eq(roomId))
                .execute();
    }

    /**
     * Rooms made at a provider whose session is over (the provider closed the room, or its end passed by {@code settle}
     * for late webhooks) and whose attendance was not filled in yet (platform scope).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<LiveRoomRecord> toFillAttendance(Duration settle, int limit) {
        return db.selectFrom(LIVE_ROOM)
                .where(LIVE_ROOM.ATTENDANCE_FILLED_AT.isNull().and(LIVE_ROOM.PROVIDER_VERSION.isNotNull())
                        .and(LIVE_ROOM.ENDED_AT.isNotNull().or(LIVE_ROOM.ENDS_AT.lt(OffsetDateTime.now().minus(settle)))))
                .orderBy(LIVE_ROOM.ENDS_AT)
                .limit(limit)
                .fetch();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void attendanceFilled(UUID roomId) {
        db.update(LIVE_ROOM).set(LIVE_ROOM.ATTENDANCE_FILLED_AT, OffsetDateTime.now()).where(LIVE_ROOM.ID.eq(roomId)).execute();
    }

    /** A random name: it says nothing of the course or the session to the provider. */
    private static String newRoomName() {
        StringBuilder name = new StringBuilder("cls-");
        for (int i = 0; i < 20; i++) {
            name.append(NAME_ALPHABET[RANDOM.nextInt(NAME_ALPHABET.length)]);
        }
        return name.toString();
    }
}
