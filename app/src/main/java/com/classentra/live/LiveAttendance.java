package com.classentra.live;

import com.classentra.db.jooq.tables.records.LiveRoomRecord;
import com.classentra.platform.db.PlatformScope;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Once a session held in a room is over, fills in its attendance from who was there ({@link AttendanceReckoning}),
 * leaving every mark a teacher made as it is. Waits a few minutes after the end for the provider's last webhooks.
 */
@Component
class LiveAttendance {

    private static final Logger log = LoggerFactory.getLogger(LiveAttendance.class);
    /** How long after a session's end its last leave events may still arrive. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    private final RoomPlanRepository plans;
    private final LiveRoomRepository rooms;
    private final AttendanceFiller attendance;
    private final PlatformScope platformScope;

    LiveAttendance(RoomPlanRepository plans, LiveRoomRepository rooms, AttendanceFiller attendance, PlatformScope platformScope) {
        this.plans = plans;
        this.rooms = rooms;
        this.attendance = attendance;
        this.platformScope = platformScope;
    }

    /** Fills in the attendance of the sessions that are over; returns how many sessions were filled. */
    int fillOverSessions(int limit) {
        List<LiveRoomRecord> over = platformScope.inTransaction(null, "find sessions over", () -> plans.toFillAttendance(SETTLE, limit));
        for (LiveRoomRecord room : over) {
            List<AttendanceReckoning.Stay> stays = platformScope.inTransaction(null, "read a room's stays", () -> rooms.stays(room.getId()));
            RoomSettings rules = new RoomSettings(room.getStudentsPublish(), room.getPresentPercent(), room.getLateAfterMinutes());
            int noted = attendance.fillFromRoom(room.getTenantId(), room.getCourseId(), room.getItemId(),
                    AttendanceReckoning.reckon(room.getStartsAt().toInstant(), room.getEndsAt().toInstant(), rules, stays));
            platformScope.inTransaction(null, "attendance filled", () -> {
                plans.attendanceFilled(room.getId());
                return null;
            });
            log.info("Attendance of session {} filled in from its room: {} student(s) noted", room.getItemId(), noted);
        }
        return over.size();
    }
}
