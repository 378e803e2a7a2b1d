package com.classentra.courses.ui;

import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseInvitations.OpenInvitation;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseService.CourseStudent;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course's students for its teacher: who is in it and since when, invitations, and removal (asked first). A list
 * of rows rather than a grid, so a phone shows each person whole with their action in reach.
 */
@Route("courses/:courseId/people")
@RolesAllowed("TEACHER")
public class CoursePeopleView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CourseService courses;
    private final transient CourseInvitations invitations;
    private final SignedInUser teacher;
    private final Div people = new Div();
    private CourseSummary course;

    public CoursePeopleView(CourseService courses, CourseInvitations invitations, AuthenticationContext authentication) {
        this.courses = courses;
        this.invitations = invitations;
        this.teacher = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("console");
        people.addClassName("people-list");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            course = courses.course(teacher, UUID.fromString(event.getRouteParameters().get("courseId").orElse("")));
            if (!teacher.teachesInWorkspace()) {
                throw new CourseNotFoundException();
            }
        } catch (IllegalArgumentException | CourseNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This course does not exist or you do not teach it.");
            return;
        }
        removeAll();
        Anchor back = new Anchor("courses/" + course.id(), "← Back to the course");
        back.addClassName("back-link");
        add(back, new ViewHeader("People · " + course.title(), "The students in this course and the invitations not yet accepted. A removed student can come back only with a new invitation."));
        if (!course.archived()) {
            Button invite = new Button("Invite students", VaadinIcon.ENVELOPE_O.create(), e -> new InviteDialog(invitations, teacher, course, this::refresh).open());
            invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(invite);
        }
        add(people);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "People · " + (course == null ? "" : course.title()) + " · Classentra";
    }

    private void refresh() {
        people.removeAll();
        List<CourseStudent> students = courses.students(teacher, course.id());
        if (students.isEmpty()) {
            people.add(new EmptyState(VaadinIcon.USERS, "No students yet",
                    "Invite them by email, or share the join code " + course.joinCode() + "."));
        } else {
            people.add(new Span(Counted.of(students.size(), "student", "students")));
            students.forEach(student -> people.add(row(student)));
        }
        List<OpenInvitation> open = invitations.open(teacher, course.id());
        if (!open.isEmpty()) {
            H2 invited = new H2("Invited · " + open.size());
            invited.addClassName("people-section");
            people.add(invited);
            Instant now = Instant.now();
            open.forEach(invitation -> people.add(row(invitation, now)));
        }
    }

    private Component row(OpenInvitation invitation, Instant now) {
        Span address = new Span(invitation.email());
        address.addClassName("person-name");
        Span details = new Span("sent " + ClientTime.formatDate(invitation.sentAt()) + " · ");
        details.addClassName("person-details");
        if (invitation.expired(now)) {
            Span expired = new Span("expired " + ClientTime.formatDate(invitation.expiresAt()));
            expired.addClassName("expired");
            details.add(expired);
        } else {
            details.add("works until " + ClientTime.formatDate(invitation.expiresAt()));
        }
        Div who = new Div(address, details);
        who.addClassName("person");
        Div actions = new Div();
        actions.addClassName("person-actions");
        if (!course.archived()) {
            Button again = new Button("Send again", e -> sendAgain(invitation));
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            again.setAriaLabel("Send the invitation to " + invitation.email() + " again");
            actions.add(again);
        }
        Button revoke = new Button("Revoke", e -> confirmRevoke(invitation));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke the invitation to " + invitation.email());
        actions.add(revoke);
        Div row = new Div(who, actions);
        row.addClassNames("person-row", "invitation");
        return row;
    }

    private void sendAgain(OpenInvitation invitation) {
        try {
            Notification.show(invitations.resend(teacher, course.id(), invitation.id())
                    ? "The invitation to " + invitation.email() + " is on its way again, valid for " + CourseInvitations.VALIDITY.toDays() + " days."
                    : invitation.email() + " has already used or lost this invitation.");
        } catch (RateLimitedException limited) {
            Notification.show("You reached today's invitation limit. " + limited.tryAgainLater());
        }
        refresh();
    }

    private void confirmRevoke(OpenInvitation invitation) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke the invitation to " + invitation.email() + "?",
                "The link in their email stops working at once. You can invite them again later.",
                "Revoke", e -> {
                    Notification.show(invitations.revoke(teacher, course.id(), invitation.id())
                            ? "The invitation to " + invitation.email() + " was revoked."
                            : invitation.email() + " had already accepted it.");
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component row(CourseStudent student) {
        Span name = new Span(student.name());
        name.addClassName("person-name");
        Span details = new Span(student.email() + " · joined " + ClientTime.formatDate(student.joinedAt()));
        details.addClassName("person-details");
        Div who = new Div(name, details);
        who.addClassName("person");
        Button remove = new Button("Remove", e -> confirmRemoval(student));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove " + student.name());
        Div row = new Div(who, remove);
        row.addClassName("person-row");
        return row;
    }

    private void confirmRemoval(CourseStudent student) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + student.name() + " from " + course.title() + "?",
                "They lose access at once and cannot join again with the course's code; a new invitation from you brings them back. Their turned-in work and grades stay stored.",
                "Remove", e -> {
                    try {
                        courses.removeStudent(teacher, course.id(), student.id());
                        Notification.show(student.name() + " was removed from " + course.title() + ".");
                    } catch (CourseNotFoundException gone) {
                        Notification.show(student.name() + " had already left the course.");
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
