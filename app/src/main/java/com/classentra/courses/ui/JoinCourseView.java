package com.classentra.courses.ui;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseService.JoinInvitation;
import com.classentra.courses.CourseService.JoinOutcome;
import com.classentra.courses.CourseService.Joined;
import com.classentra.platform.ratelimit.ClientAddress;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * The join link from an invitation. Opening it asks "Join <course> by <teacher>?" and changes nothing: a link
 * followed by a mail scanner or a prefetching browser must not enrol anyone. The student joins with the button.
 */
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
        String code = event.getRouteParameters().get("code").orElse("");
        Optional<JoinInvitation> invitation;
        try {
            invitation = courses.preview(student, code, ClientAddress.current());
        } catch (RateLimitedException limited) {
            show("Too many join attempts", "For your safety, joining is paused for a while. " + limited.tryAgainLater(), myCourses(this));
            return;
        }
        if (invitation.isEmpty()) {
            show("This link is not valid", "No course has this code. Check the link with your teacher.", myCourses(this));
            return;
        }
        JoinInvitation course = invitation.get();
        if (!showWhyNot(course.wouldBe(), course.title())) {
            show("Join " + course.title() + " by " + course.teacherName() + "?", whatJoiningShares(course.teacherName()),
                    joinOrNotNow(this, course.title(), () -> join(student, code)));
        }
    }

    /** Says why the student cannot join (already in, ended, removed); false when they can. */
    private boolean showWhyNot(JoinOutcome outcome, String title) {
        switch (outcome) {
            case ALREADY_ENROLLED -> show("You are already in " + title, "Nothing more to do.", myCourses(this));
            case COURSE_ARCHIVED -> show(title + " has ended", "It takes no new students. Ask your teacher about the next one.", myCourses(this));
            case REMOVED -> show("You can't rejoin " + title + " with this link",
                    "Your teacher removed you from this course. Ask them to invite you again.", myCourses(this));
            case UNKNOWN_CODE -> show("This link is no longer valid", "The teacher changed the course's code. Ask them for the new link.", myCourses(this));
            case JOINED -> {
                return false;
            }
        }
        return true;
    }

    private void join(SignedInUser student, String code) {
        Joined joined;
        try {
            joined = courses.join(student, code, ClientAddress.current());
        } catch (RateLimitedException limited) {
            show("Too many join attempts", "For your safety, joining is paused for a while. " + limited.tryAgainLater(), myCourses(this));
            return;
        }
        if (!showWhyNot(joined.outcome(), joined.title())) {
            getUI().ifPresent(ui -> ui.navigate("courses/" + joined.courseId()));
        }
    }

    /** What joining shows the student and shares with the teacher: asked before anyone joins, by code or invitation. */
    static String whatJoiningShares(String teacherName) {
        return "You will see the course's posts, work and live sessions, and " + teacherName
                + " will see your name, email and the work you turn in.";
    }

    /** "Join <course>" and "Not now", under the question. */
    static HorizontalLayout joinOrNotNow(Component page, String title, Runnable join) {
        Button joinButton = new Button("Join " + title, e -> join.run());
        joinButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(joinButton, new Button("Not now", e -> page.getUI().ifPresent(ui -> ui.navigate(CoursesView.class))));
    }

    /** The way out of a join or invitation page that leads nowhere. */
    static Button myCourses(Component page) {
        Button next = new Button("Go to my courses", e -> page.getUI().ifPresent(ui -> ui.navigate(CoursesView.class)));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return next;
    }
}
