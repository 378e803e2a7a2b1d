package com.classentra.attendance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attendance of a course as a table: its sessions (by start), the students shown, and what was noted for
 * each student at each session. A student sees a table with only themselves in it.
 */
public record CourseAttendance(UUID courseId, String courseTitle, List<CourseSession> sessions, List<Attendee> students,
        Map<Mark, AttendanceStatus> marks) {

    /** A cell of the table. */
    public record Mark(UUID studentId, UUID sessionId) {
    }

    /** What was noted, or null when attendance was not taken for this student at this session. */
    public AttendanceStatus status(UUID studentId, UUID sessionId) {
        return marks.get(new Mark(studentId, sessionId));
    }
}
