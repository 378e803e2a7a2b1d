package com.classentra.live;

import java.util.Map;
import java.util.UUID;

/**
 * Where attendance reckoned from a room goes: the attendance feature, which owns the roll. Declared here so live classes
 * do not depend on attendance (which depends on classwork, which plans rooms here).
 */
public interface AttendanceFiller {

    /**
     * Notes the session's attendance for the course's active students who have no mark yet: those {@code presence}
     * names as it says, the others absent. Returns how many were noted.
     */
    int fillFromRoom(UUID tenantId, UUID courseId, UUID sessionId, Map<UUID, Presence> presence);
}
