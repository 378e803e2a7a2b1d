package com.classentra.courses.ui;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseService.Joined;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** The join link from an invitation: a signed-in student opening it joins the course. */
@Route(value = "courses/join/:code", autoLayout = false)
@PageTitle("Join a course · Classentra")
@RolesAllowed("STUDENT")
public class JoinCourseView extends AuthPage implements BeforeEnterObserver {

    private final transient CourseService courses;
    private final transient AuthenticationContext authentication;

    public JoinCourseView(CourseService courses, AuthenticationContext authentication) {
        this.courses = courses;
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser student = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        Joined joined = courses.join(student, event.getRouteParameters().get("code").orElse(""));
        Button next = new Button("Go to my courses", e -> getUI().ifPresent(ui -> ui.navigate(CoursesView.class)));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        switch (joined.outcome()) {
            case JOINED -> show("Welcome to " + joined.title(), "You are enrolled. The course is in your list of courses.", next);
            case ALREADY_ENROLLED -> show("You are already in " + joined.title(), "Nothing more to do.", next);
            case COURSE_ARCHIVED -> show(joined.title() + " has ended", "It takes no new students. Ask your teacher about the next one.", next);
            case UNKNOWN_CODE -> show("This link is not valid", "No course has this code. Check the link with your teacher.", next);
            case REMOVED -> show("You can't rejoin " + joined.title() + " with this link",
                    "Your teacher removed you from this course. Ask them to invite you again.", next);
        }
    }
}
