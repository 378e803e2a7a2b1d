package com.classentra.courses.ui;

import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseService.CourseStudent;
import com.classentra.courses.CourseSummary;
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
    private final SignedInUser teacher;
    private final Div people = new Div();
    private CourseSummary course;

    public CoursePeopleView(CourseService courses, AuthenticationContext authentication) {
        this.courses = courses;
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
        add(back, new ViewHeader("People · " + course.title(), "The students in this course. Removed students cannot join again with the code."));
        if (!course.archived()) {
            Button invite = new Button("Invite students", VaadinIcon.ENVELOPE_O.create(), e -> new InviteDialog(courses, teacher, course).open());
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
            return;
        }
        people.add(new Span(Counted.of(students.size(), "student", "students")));
        students.forEach(student -> people.add(row(student)));
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
                "They lose access at once and cannot join again with the course's code. Their turned-in work and grades stay stored.",
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
