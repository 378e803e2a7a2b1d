package com.classentra.attendance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The roll of one session: the course's active students and what was noted for each so far (absent from the map: nothing yet). */
public record SessionRoll(String courseTitle, CourseSession session, List<Attendee> students, Map<UUID, AttendanceStatus> marks) {
}
