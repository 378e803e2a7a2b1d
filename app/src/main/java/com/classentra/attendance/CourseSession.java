package com.classentra.attendance;

import java.time.Instant;
import java.util.UUID;

/** A live session of a course, the unit attendance is taken for. */
public record CourseSession(UUID id, UUID courseId, String title, Instant startsAt, int durationMinutes) {
}
