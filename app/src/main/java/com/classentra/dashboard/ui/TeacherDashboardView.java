package com.classentra.dashboard.ui;

import com.classentra.accounts.AccountPreferences;
import com.classentra.shell.DashboardPage;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.classentra.shell.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A teacher's start page. Courses, sessions and grading arrive with the classroom features. */
@Route("teacher")
@PageTitle("Teaching · Classentra")
@RolesAllowed("TEACHER")
public class TeacherDashboardView extends DashboardPage {

    public TeacherDashboardView(AccountPreferences preferences, AuthenticationContext authentication) {
        super("Teaching", "Your classes at a glance.", PreferredOrder.of(preferences, authentication,
                new EmptyState(VaadinIcon.CALENDAR_CLOCK, "Today's sessions", "Scheduled classes for today will be listed here."),
                new EmptyState(VaadinIcon.CHECK_SQUARE_O, "Work to grade", "Submissions waiting for feedback will appear here."),
                new EmptyState(VaadinIcon.ACADEMY_CAP, "Your courses", "Courses you create and their recent activity will show here.")));
    }
}
