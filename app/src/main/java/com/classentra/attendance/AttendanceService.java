package com.classentra.attendance;


import com.classentra.attendance.CourseAttendance.Mark;
import com.classentra.platform.security.RoleScopes;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.live.AttendanceFiller;
import com.classentra.live.Presence;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.text.CsvWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Attendance at a course's live sessions. Teachers of the course's workspace take it and read everyone's;
 * a student reads only their own. Every call runs in the caller's scope, so row-level security keeps other
 * workspaces' courses, sessions and marks out of reach (they are "not found"), and roles are checked here too.
 */
@Service
public class AttendanceService implements AttendanceFiller {

    private final AttendanceRepository attendance;
    private final CourseService courses;
    private final RoleScopes scopes;
    private final AuditLog audit;
    private final PlatformScope platformScope;

    AttendanceService(AttendanceRepository attendance, CourseService courses, RoleScopes scopes, AuditLog audit, PlatformScope platformScope) {
        this.attendance = attendance;
        this.courses = courses;
        this.scopes = scopes;
        this.audit = audit;
        this.platformScope = platformScope;
    }

    /** The session's roll for taking attendance: the course's active students and what was noted so far. */
    public SessionRoll roll(SignedInUser teacher, UUID courseId, UUID sessionId) {
        CourseSummary course = teachersCourse(teacher, courseId);
        return scopes.asTeacher(teacher, () -> {
            CourseSession session = attendance.session(courseId, sessionId).orElseThrow(AttendanceNotFoundException::new);
            return new SessionRoll(course.title(), session, attendance.activeStudents(courseId), attendance.marksOfSession(sessionId));
        });
    }

    /**
     * Notes attendance for the given students (only active students of the course), replacing earlier notes
     * for them; students left out keep what they had.
     */
    public void record(SignedInUser teacher, UUID courseId, UUID sessionId, Map<UUID, AttendanceStatus> marks) {
        teachersCourse(teacher, courseId);
        scopes.asTeacher(teacher, () -> {
            CourseSession session = attendance.session(courseId, sessionId).orElseThrow(AttendanceNotFoundException::new);
            Set<UUID> enrolled = attendance.activeStudents(courseId).stream().map(Attendee::studentId).collect(Collectors.toSet());
            if (!enrolled.containsAll(marks.keySet())) {
                throw new IllegalArgumentException("Attendance can only be noted for active students of the course");
            }
            marks.forEach((student, status) -> attendance.upsert(teacher.tenantId(), session, student, status, teacher.id()));
            audit.record(teacher.tenantId(), teacher.id(), "attendance.noted", "course_item", sessionId.toString(), Map.of("students", marks.size()));
            return null;
        });
    }

    /**
     * Fills in a session's attendance from who was in its room (live classes reckon it), for the course's active
     * students who have no mark yet: those it names as it says, the others absent. A teacher's mark is never replaced,
     * and the teacher corrects these like any other. Runs in the platform scope (a job); returns how many were noted.
     */
    @Override
    public int fillFromRoom(UUID tenantId, UUID courseId, UUID sessionId, Map<UUID, Presence> presence) {
        return platformScope.inTransaction(null, "attendance from live participation", () -> {
            Optional<CourseSession> session = attendance.session(courseId, sessionId);
            if (session.isEmpty()) {
                return 0;
            }
            int noted = 0;
            for (Attendee student : attendance.activeStudents(courseId)) {
                AttendanceStatus status = switch (presence.getOrDefault(student.studentId(), Presence.ABSENT)) {
                    case PRESENT -> AttendanceStatus.PRESENT;
                    case LATE -> AttendanceStatus.LATE;
                    case ABSENT -> AttendanceStatus.ABSENT;
                };
                noted += attendance.noteIfUnmarked(tenantId, session.get(), student.studentId(), status) ? 1 : 0;
            }
            return noted;
        });
    }

    /** The course's attendance table: every student's for a teacher of the course, only their own for a student. */
    public CourseAttendance courseAttendance(SignedInUser user, UUID courseId) {
        if (user.teachesInWorkspace()) {
            CourseSummary course = teachersCourse(user, courseId);
            return scopes.asTeacher(user, () -> table(course, attendance.studentsWithHistory(courseId)));
        }
        return studentHistory(user, courseId, user.id());
    }

    /** One student's attendance in the course: any student's for a teacher of the course, a student's own for them. */
    public CourseAttendance studentHistory(SignedInUser user, UUID courseId, UUID studentId) {
        if (user.teachesInWorkspace()) {
            CourseSummary course = teachersCourse(user, courseId);
            return scopes.asTeacher(user, () -> {
                List<Attendee> student = attendance.studentsWithHistory(courseId).stream().filter(s -> s.studentId().equals(studentId)).toList();
                if (student.isEmpty()) {
                    throw new AttendanceNotFoundException();
                }
                return table(course, student);
            });
        }
        if (!user.has(Role.STUDENT) || !user.id().equals(studentId)) {
            throw new AccessDeniedException("Students see only their own attendance");
        }
        CourseSummary course = courses.course(user, courseId);
        return scopes.asStudent(user, () -> table(course, List.of(attendance.student(user.id()))));
    }

    /**
     * The course's attendance as CSV, one row per student and session (status empty where none was noted).
     * Cells that a spreadsheet would run as a formula are defused.
     */
    public String csv(SignedInUser teacher, UUID courseId) {
        if (!teacher.teachesInWorkspace()) {
            throw new AccessDeniedException("Only teachers of the course export its attendance");
        }
        CourseAttendance table = courseAttendance(teacher, courseId);
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.row("Student", "Email", "Session", "Session start (UTC)", "Status");
        for (Attendee student : table.students()) {
            for (CourseSession session : table.sessions()) {
                AttendanceStatus status = table.status(student.studentId(), session.id());
                csv.row(student.name(), student.email(), session.title(), DateTimeFormatter.ISO_INSTANT.format(session.startsAt()),
                        status == null ? null : status.name());
            }
        }
        csv.flush();
        return out.toString();
    }

    private CourseAttendance table(CourseSummary course, List<Attendee> students) {
        Set<UUID> ids = students.stream().map(Attendee::studentId).collect(Collectors.toSet());
        Map<Mark, AttendanceStatus> marks = attendance.marksOfCourse(course.id(), ids);
        return new CourseAttendance(course.id(), course.title(), attendance.sessions(course.id()), students, marks);
    }

    /** The course, if it belongs to the teacher's workspace; otherwise "not found" (or "denied" for non-teachers). */
    private CourseSummary teachersCourse(SignedInUser teacher, UUID courseId) {
        if (!teacher.teachesInWorkspace()) {
            throw new AccessDeniedException("Only teachers of the course take attendance");
        }
        return courses.course(teacher, courseId);
    }
}
