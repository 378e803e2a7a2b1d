package com.classentra.live.ui;

import com.classentra.live.LiveRooms;
import com.classentra.live.RoomState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;

/** How a session's room shows where the session is listed: a way in while it is open, otherwise when it opens or why not. */
public final class RoomEntry {

    private RoomEntry() {
    }

    /** The way in, or a line saying when or why not; {@code teaching} also shows the provider's reason for a failure. */
    public static Component of(RoomState room, boolean teaching) {
        Instant now = Instant.now();
        if (room.open(now)) {
            Anchor join = new Anchor(LiveRooms.roomPath(room.courseId(), room.itemId()), "Join the room");
            join.addClassName("join-room");
            return join;
        }
        Span line = new Span(statusLine(room, teaching, now));
        line.addClassName("room-status");
        return line;
    }

    static String statusLine(RoomState room, boolean teaching, Instant now) {
        if (room.endedAt() != null || !now.isBefore(room.endsAt())) {
            return "The session's room has closed.";
        }
        return switch (room.status()) {
            case PREPARING -> "The room is being prepared.";
            case RETRYING -> "The room could not be created yet; retrying." + (teaching && room.problem() != null ? " " + room.problem() : "");
            case FAILED -> "The room could not be created." + (teaching && room.problem() != null ? " " + room.problem() : " The teacher has been told.");
            case READY -> "The room opens ten minutes before the start.";
        };
    }
}
