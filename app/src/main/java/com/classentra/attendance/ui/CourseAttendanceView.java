package com.classentra.attendance.ui;

import com.classentra.attendance.AttendanceService;
import com.classentra.attendance.AttendanceStatus;
import com.classentra.attendance.Attendee;
import com.classentra.attendance.CourseAttendance;
import com.classentra.attendance.CourseSession;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.ClientTime;
import com.classentra.shell.RouteIds;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A course's attendance. A teacher sees students × sessions, opens a session to take attendance or a
 * student for their history, and downloads everything as CSV; a student sees their own history.
 */
@Route("courses/:courseId/attendance")
@PageTitle("Attendance · Classentra")
@StyleSheet("classentra/classroom.css")
@RolesAllowed({"TEACHER", "STUDENT"})
public class CourseAttendanceView extends Main implements BeforeEnterObserver {

    private final transient AttendanceService attendance;
    private final SignedInUser user;

    public CourseAttendanceView(AttendanceService attendance, AuthenticationContext authentication) {
        this.attendance = attendance;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> courseId = RouteIds.parse(event.getRouteParameters(), "courseId");
        if (courseId.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            CourseAttendance table = attendance.courseAttendance(user, courseId.get());
            removeAll();
            if (user.has(Role.TEACHER) && user.tenantId() != null) {
                showForTeacher(table);
            } else {
                add(new ViewHeader("My attendance", table.courseTitle() + ": what your teacher noted at each session."), history(table, user.id()));
            }
        } catch (CourseNotFoundException notVisible) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void showForTeacher(CourseAttendance table) {
        add(new ViewHeader("Attendance", table.courseTitle() + ": every student at every session. Open a session to take attendance."));
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = attendance.csv(user, table.courseId()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), csvFileName(table), "text/csv;charset=UTF-8", csv.length);
        }), AttachmentType.DOWNLOAD, "");
        Button downloadButton = new Button("Download CSV", VaadinIcon.DOWNLOAD.create());
        downloadButton.setTabIndex(-1);
        download.add(downloadButton);
        download.setEnabled(!table.sessions().isEmpty());
        add(download);

        Grid<Attendee> grid = new Grid<>(Attendee.class, false);
        grid.addComponentColumn(student -> {
            Button name = new Button(student.name(), e -> openHistory(table, student));
            name.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            name.setTooltipText("History of " + student.name());
            return name;
        }).setHeader("Student").setAutoWidth(true).setFrozen(true);
        grid.addColumn(student -> attended(table, student)).setHeader("Attended").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        for (CourseSession session : table.sessions()) {
            RouterLink take = new RouterLink(ClientTime.formatDate(session.startsAt()), AttendanceView.class,
                    new RouteParameters(Map.of("courseId", table.courseId().toString(), "sessionId", session.id().toString())));
            take.getElement().setAttribute("title", "Take attendance: " + session.title());
            grid.addComponentColumn(student -> badge(table.status(student.studentId(), session.id())))
                    .setHeader(new Span(take, new Span(" " + session.title()))).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(table.sessions().isEmpty() ? "No session is scheduled in this course yet." : "No student is enrolled yet.");
        grid.setItems(table.students());
        add(grid);
    }

    private void openHistory(CourseAttendance table, Attendee student) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(student.name());
        dialog.add(history(attendance.studentHistory(user, table.courseId(), student.studentId()), student.studentId()));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    /** One student's sessions with what was noted. */
    private Grid<CourseSession> history(CourseAttendance table, UUID studentId) {
        Grid<CourseSession> grid = new Grid<>(CourseSession.class, false);
        grid.addColumn(CourseSession::title).setHeader("Session").setFlexGrow(1);
        grid.addColumn(session -> ClientTime.format(session.startsAt())).setHeader("When").setAutoWidth(true);
        grid.addComponentColumn(session -> badge(table.status(studentId, session.id()))).setHeader("Attendance").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No session is scheduled in this course yet.");
        grid.setItems(table.sessions());
        return grid;
    }

    private static String attended(CourseAttendance table, Attendee student) {
        long noted = table.sessions().stream().filter(s -> table.status(student.studentId(), s.id()) != null).count();
        long came = table.sessions().stream().map(s -> table.status(student.studentId(), s.id()))
                .filter(status -> status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE).count();
        return noted == 0 ? "–" : came + " of " + noted;
    }

    private static Component badge(AttendanceStatus status) {
        if (status == null) {
            Span none = new Span("–");
            none.getElement().setAttribute("title", "Not taken");
            none.addClassName("secondary-text");
            return none;
        }
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add(switch (status) {
            case PRESENT -> "badge success";
            case LATE -> "badge warning";
            case ABSENT -> "badge error";
            case EXCUSED -> "badge contrast";
        });
        return badge;
    }

    private static String csvFileName(CourseAttendance table) {
        String slug = table.courseTitle().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "attendance-" + (slug.isEmpty() ? "course" : slug) + ".csv";
    }
}
