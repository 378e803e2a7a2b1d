package com.classentra.attendance.ui;

import com.classentra.attendance.AttendanceNotFoundException;
import com.classentra.attendance.AttendanceService;
import com.classentra.attendance.AttendanceStatus;
import com.classentra.attendance.Attendee;
import com.classentra.attendance.SessionRoll;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.RouteIds;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The teacher takes attendance for one session: a status per active student, then one save. */
@Route("courses/:courseId/sessions/:sessionId/attendance")
@PageTitle("Attendance · Classentra")
@StyleSheet("classentra/classroom.css")
@RolesAllowed("TEACHER")
public class AttendanceView extends Main implements BeforeEnterObserver {

    private final transient AttendanceService attendance;
    private final SignedInUser teacher;
    private final Map<UUID, RadioButtonGroup<AttendanceStatus>> choices = new LinkedHashMap<>();
    private UUID courseId;
    private UUID sessionId;

    public AttendanceView(AttendanceService attendance, AuthenticationContext authentication) {
        this.attendance = attendance;
        this.teacher = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> course = RouteIds.parse(event.getRouteParameters(), "courseId");
        Optional<UUID> session = RouteIds.parse(event.getRouteParameters(), "sessionId");
        if (course.isEmpty() || session.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            courseId = course.get();
            sessionId = session.get();
            show(attendance.roll(teacher, courseId, sessionId));
        } catch (CourseNotFoundException | AttendanceNotFoundException notVisible) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(SessionRoll roll) {
        removeAll();
        choices.clear();
        add(new ViewHeader(roll.session().title(), roll.courseTitle() + " · " + ClientTime.formatHeading(roll.session().startsAt())
                + " · " + roll.session().durationMinutes() + " min"));

        Grid<Attendee> grid = new Grid<>(Attendee.class, false);
        // One cell per student, so name and choices sit side by side on wide screens and stack on phones.
        grid.addComponentColumn(student -> {
            Div row = new Div(person(student), choice(student, roll.marks().get(student.studentId())));
            row.addClassName("roll-row");
            return row;
        }).setHeader("Students and attendance");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No student is enrolled in this course yet.");
        grid.setItems(roll.students());

        Button allPresent = new Button("Mark all present", e -> choices.values().forEach(group -> group.setValue(AttendanceStatus.PRESENT)));
        Button save = new Button("Save attendance", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(!roll.students().isEmpty());
        allPresent.setEnabled(!roll.students().isEmpty());
        RouterLink overview = new RouterLink("All sessions of the course", CourseAttendanceView.class, new RouteParameters("courseId", courseId.toString()));
        HorizontalLayout actions = new HorizontalLayout(allPresent, save, overview);
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        actions.setWrap(true);
        add(actions, grid);
    }

    private Component choice(Attendee student, AttendanceStatus noted) {
        RadioButtonGroup<AttendanceStatus> group = new RadioButtonGroup<>();
        group.setItems(AttendanceStatus.values());
        group.setItemLabelGenerator(AttendanceStatus::label);
        group.setAriaLabel("Attendance of " + student.name());
        group.setValue(noted);
        choices.put(student.studentId(), group);
        return group;
    }

    private void save() {
        Map<UUID, AttendanceStatus> marks = new LinkedHashMap<>();
        choices.forEach((student, group) -> {
            if (group.getValue() != null) {
                marks.put(student, group.getValue());
            }
        });
        try {
            attendance.record(teacher, courseId, sessionId, marks);
        } catch (IllegalArgumentException studentLeft) {
            Notification.show("Someone left the course meanwhile; the list is fresh now. Please save again.");
            show(attendance.roll(teacher, courseId, sessionId));
            return;
        }
        Map<AttendanceStatus, Integer> counts = new EnumMap<>(AttendanceStatus.class);
        marks.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        int open = choices.size() - marks.size();
        Notification.show("Attendance saved: " + summary(counts) + (open > 0 ? "; " + open + " not marked yet" : "") + ".");
    }

    private static String summary(Map<AttendanceStatus, Integer> counts) {
        if (counts.isEmpty()) {
            return "nobody marked";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(status.label().toLowerCase()));
        return text.toString();
    }

    private static Component person(Attendee student) {
        Span email = new Span(student.email());
        email.addClassName("secondary-text");
        Div person = new Div(new Span(student.name()), email);
        person.addClassName("person");
        return person;
    }
}
