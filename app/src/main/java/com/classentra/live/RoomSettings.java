package com.classentra.live;

/**
 * How a session's native room works, as its teacher set it.
 *
 * @param studentsPublish  students may turn on their camera, microphone and screen (teachers always may)
 * @param presentPercent   attendance: present when in the room for at least this share of the session
 * @param lateAfterMinutes attendance: late when first joined this long after the start
 */
public record RoomSettings(boolean studentsPublish, int presentPercent, int lateAfterMinutes) {

    public static final RoomSettings DEFAULTS = new RoomSettings(true, 50, 5);

    public RoomSettings {
        if (presentPercent < 1 || presentPercent > 100) {
            throw new IllegalArgumentException("The share of the session is between 1 and 100 per cent");
        }
        if (lateAfterMinutes < 0 || lateAfterMinutes > 240) {
            throw new IllegalArgumentException("Late is between 0 and 240 minutes after the start");
        }
    }
}
