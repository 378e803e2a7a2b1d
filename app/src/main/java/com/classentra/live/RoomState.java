package com.classentra.live;

import java.time.Instant;
import java.util.UUID;

/**
 * A session's native room as its people see it.
 *
 * @param problem why the room is not made yet (the provider's words), while it is being retried or once given up
 */
public record RoomState(UUID itemId, UUID courseId, Instant startsAt, Instant endsAt, RoomSettings settings, Status status, String problem,
        Instant endedAt) {

    public enum Status {
        /** Being made at the provider. */
        PREPARING,
        /** Made once, failed since: being tried again. */
        RETRYING,
        /** Made: people can join within the window. */
        READY,
        /** The provider could not make it and it was given up: the teacher is told. */
        FAILED
    }

    /** When people may join: from ten minutes before the start until the end, unless the room closed. */
    public boolean open(Instant now) {
        return status == Status.READY && endedAt == null && !now.isBefore(startsAt.minus(LiveRooms.OPENS_BEFORE)) && now.isBefore(endsAt);
    }
}
