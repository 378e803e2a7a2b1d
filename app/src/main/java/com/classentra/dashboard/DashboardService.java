package com.classentra.dashboard;

import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The teacher's and the student's start pages, each read in one transaction in the caller's scope: one statement per
 * card (three for a teacher, four for a student) whatever the size of the workspace, plus the scope settings every
 * transaction starts with.
 */
@Service
public class DashboardService {

    static final int SESSIONS_SHOWN = 20;
    static final int WORK_TO_GRADE_SHOWN = 20;
    static final int COURSES_SHOWN = 50;
    static final int DEADLINES_SHOWN_EACH = 20;
    static final int FEEDBACK_SHOWN = 5;
    static final Duration DEADLINE_HORIZON = Duration.ofDays(14);
    static final Duration RECENT_ACTIVITY = Duration.ofDays(7);

    private final DashboardRepository dashboards;
    private final RoleScopes scopes;

    DashboardService(DashboardRepository dashboards, RoleScopes scopes) {
        this.dashboards = dashboards;
        this.scopes = scopes;
    }

    /**
     * Refused for anyone who is not a teacher; "today" is the day in the person's time zone. A teacher outside any
     * workspace (an account made a teacher by an administrator, or one who left an organisation) has nothing to show
     * yet, and gets empty cards rather than an error page.
     */
    public TeacherDashboard teacher(SignedInUser teacher, ZoneId zone) {
        if (teacher.has(Role.TEACHER) && teacher.tenantId() == null) {
            return new TeacherDashboard(List.of(), List.of(), List.of());
        }
        Instant now = Instant.now();
        Day today = Day.of(now, zone);
        return scopes.asTeacher(teacher, () -> new TeacherDashboard(
                dashboards.tenantSessions(teacher.tenantId(), today.start(), today.end(), SESSIONS_SHOWN),
                dashboards.workToGrade(teacher.tenantId(), WORK_TO_GRADE_SHOWN),
                dashboards.courseActivity(teacher.tenantId(), now.minus(RECENT_ACTIVITY), COURSES_SHOWN)));
    }

    /** Refused for anyone who is not a student; "today" is the day in the person's time zone. */
    public StudentDashboard student(SignedInUser student, ZoneId zone) {
        Instant now = Instant.now();
        Day today = Day.of(now, zone);
        return scopes.asStudent(student, () -> new StudentDashboard(
                dashboards.deadlines(student.id(), now, now.plus(DEADLINE_HORIZON), DEADLINES_SHOWN_EACH),
                dashboards.studentSessions(student.id(), today.start(), today.end(), SESSIONS_SHOWN),
                dashboards.feedback(student.id(), FEEDBACK_SHOWN),
                dashboards.enrolledCourses(student.id(), COURSES_SHOWN)));
    }

    /** A calendar day in a time zone, as the instants it spans (23 or 25 hours on daylight-saving changes). */
    record Day(Instant start, Instant end) {

        static Day of(Instant now, ZoneId zone) {
            LocalDate date = LocalDate.ofInstant(now, zone);
            return new Day(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }
}
