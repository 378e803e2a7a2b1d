package com.classentra.dashboard.ui;

import com.classentra.accounts.AccountPreferences;
import com.classentra.shell.DashboardPage;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.classentra.shell.EmptyState;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A student's start page. Deadlines, sessions and feedback arrive with the classroom features. */
@Route("student")
@PageTitle("Learning · Classentra")
@RolesAllowed("STUDENT")
public class StudentDashboardView extends DashboardPage {

    public StudentDashboardView(AccountPreferences preferences, AuthenticationContext authentication) {
        super("Learning", "What is next in your courses.", PreferredOrder.of(preferences, authentication,
                new EmptyState(VaadinIcon.CLOCK, "Upcoming deadlines", "Assignments due soon will be listed here."),
                new EmptyState(VaadinIcon.CALENDAR_CLOCK, "Today's sessions", "Live classes you can join today will appear here."),
                new EmptyState(VaadinIcon.OPEN_BOOK, "My courses", "The courses you are enrolled in will show here.")));
    }
}
