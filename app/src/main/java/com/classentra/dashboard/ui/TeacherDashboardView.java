package com.classentra.dashboard.ui;

import com.classentra.accounts.AccountPreferences;
import com.classentra.courses.ui.CoursesView;
import com.classentra.dashboard.DashboardService;
import com.classentra.messaging.ChatInbox;
import com.classentra.dashboard.TeacherDashboard;
import com.classentra.dashboard.TeacherDashboard.CourseActivity;
import com.classentra.dashboard.TeacherDashboard.WorkToGrade;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.DashboardPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** A teacher's start page: today's sessions, work waiting for a grade, and each course's recent activity. */
@Route("teacher")
@Menu(title = "Teaching", order = 1, icon = "vaadin:academy-cap")
@PageTitle("Teaching · Classentra")
@RolesAllowed("TEACHER")
public class TeacherDashboardView extends DashboardPage {

    public TeacherDashboardView(AccountPreferences preferences, AuthenticationContext authentication, DashboardService dashboards, ChatInbox inbox) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        TeacherDashboard page = dashboards.teacher(user, ClientTime.zone());
        super("Teaching", "Your classes at a glance.", PreferredOrder.of(preferences, authentication,
                DashboardCard.of(VaadinIcon.CALENDAR_CLOCK, "Today's sessions", "No live sessions today.",
                        SessionEntries.of(page.sessionsToday())),
                new UnreadMessagesCard(inbox, user),
                DashboardCard.of(VaadinIcon.CHECK_SQUARE_O, "Work to grade", "Nothing waits for a grade. Turned-in work will appear here, oldest first.",
                        page.workToGrade().stream().map(w -> workEntry(w)).toList()),
                DashboardCard.of(VaadinIcon.ACADEMY_CAP, "Your courses", "Courses you create and their recent activity will show here.",
                        firstCourse(), page.courses().stream().map(c -> courseEntry(c)).toList())));
    }

    /** Opens the course form on the courses page, where the new course then appears. */
    private static Component firstCourse() {
        Anchor create = new Anchor("courses?" + CoursesView.NEW_COURSE, "Create your first course");
        create.addClassName("first-step");
        return create;
    }

    private static Component workEntry(WorkToGrade work) {
        List<Component> tags = new ArrayList<>();
        if (work.regrade()) {
            tags.add(DashboardCard.tag("Turned in again", "notice"));
        }
        if (work.late()) {
            tags.add(DashboardCard.tag("Late", "warning"));
        }
        return DashboardCard.entry(work.link(), work.studentName() + " · " + work.assignmentTitle(),
                work.courseTitle() + " · turned in " + ClientTime.format(work.turnedInAt()), tags.toArray(Component[]::new));
    }

    private static Component courseEntry(CourseActivity course) {
        String students = Counted.of(course.activeStudents(), "student", "students");
        String turnIns = Counted.of(course.recentTurnIns(), "turn-in", "turn-ins") + " this week";
        String lastPost = course.lastPost() == null ? "nothing posted yet"
                : "last post " + ClientTime.formatDate(course.lastPost().postedAt()) + ": " + course.lastPost().title();
        return DashboardCard.entry(course.link(), course.title(), students + " · " + turnIns + " · " + lastPost);
    }
}
