package com.classentra.dashboard.ui;

import com.classentra.accounts.AccountPreferences;
import com.classentra.dashboard.DashboardService;
import com.classentra.messaging.ChatInbox;
import com.classentra.dashboard.StudentDashboard;
import com.classentra.dashboard.StudentDashboard.Deadline;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.DashboardPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** A student's start page: deadlines, today's sessions, returned grades and their courses. */
@Route("student")
@Menu(title = "Learning", order = 2, icon = "vaadin:open-book")
@PageTitle("Learning · Classentra")
@RolesAllowed("STUDENT")
public class StudentDashboardView extends DashboardPage {

    public StudentDashboardView(AccountPreferences preferences, AuthenticationContext authentication, DashboardService dashboards, ChatInbox inbox) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        StudentDashboard page = dashboards.student(user, ClientTime.zone());
        super("Learning", "What is next in your courses.", PreferredOrder.of(preferences, authentication,
                DashboardCard.of(VaadinIcon.CLOCK, "Upcoming deadlines", "Nothing due in the next two weeks, and nothing missing.",
                        page.deadlines().stream().map(d -> deadlineEntry(d)).toList()),
                new UnreadMessagesCard(inbox, user),
                DashboardCard.of(VaadinIcon.CALENDAR_CLOCK, "Today's sessions", "No live classes today.",
                        SessionEntries.of(page.sessionsToday())),
                DashboardCard.of(VaadinIcon.COMMENT_O, "Latest feedback", "Grades your teachers return will appear here.",
                        page.feedback().stream().map(f -> DashboardCard.entry(f.link(), f.title(),
                                f.courseTitle() + " · returned " + ClientTime.formatDate(f.returnedAt()), DashboardCard.tag(f.grade(), "grade"))).toList()),
                DashboardCard.of(VaadinIcon.OPEN_BOOK, "My courses", "Join a course with the code your teacher gives you, under Courses.",
                        page.courses().stream().map(c -> DashboardCard.entry(c.link(), c.title(), null)).toList())));
    }

    private static Component deadlineEntry(Deadline deadline) {
        String due = (deadline.missing() ? "was due " : "due ") + ClientTime.format(deadline.dueAt());
        Component[] tags = deadline.missing() ? new Component[] {DashboardCard.tag("Missing", "warning")} : new Component[0];
        return DashboardCard.entry(deadline.link(), deadline.title(), deadline.courseTitle() + " · " + due, tags);
    }
}
