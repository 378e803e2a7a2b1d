package com.classentra.grading.ui;

import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.grading.Gradebook;
import com.classentra.grading.Gradebook.Cell;
import com.classentra.grading.Gradebook.Column;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A course's grades. Teachers get the gradebook (students × assignments, loaded page by page as they scroll)
 * and its CSV export; a student sees their own status and returned grades.
 */
@Route("courses/:courseId/grades")
@RolesAllowed({"TEACHER", "STUDENT"})
public class GradebookView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CourseService courses;
    private final transient GradingService grading;
    private final SignedInUser user;
    private CourseSummary course;

    public GradebookView(CourseService courses, GradingService grading, AuthenticationContext authentication) {
        this.courses = courses;
        this.grading = grading;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            course = courses.course(user, UUID.fromString(event.getRouteParameters().get("courseId").orElse("")));
        } catch (IllegalArgumentException | CourseNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This course does not exist or you are not in it.");
            return;
        }
        removeAll();
        Anchor back = new Anchor("courses/" + course.id(), "← Back to the course");
        back.addClassName("back-link");
        add(back);
        if (user.teachesInWorkspace()) {
            add(new ViewHeader("Gradebook · " + course.title(), "Every student’s status and grade. Open an assignment from its column header to grade it."), gradebook());
        } else {
            add(new ViewHeader("Your grades · " + course.title(), "Your work on each assignment and the grades your teacher returned."), myGrades());
        }
    }

    @Override
    public String getPageTitle() {
        return "Grades · " + (course == null ? "" : course.title()) + " · Classentra";
    }

    private Component gradebook() {
        Gradebook book = grading.gradebook(user, course.id());
        Grid<Gradebook.Row> grid = new Grid<>();
        grid.addColumn(Gradebook.Row::name).setHeader("Student").setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        for (Column column : book.columns()) {
            Anchor header = new Anchor("courses/" + course.id() + "/items/" + column.assignmentId(), column.title());
            grid.addComponentColumn(row -> cell(row.cells().get(column.assignmentId()), column)).setHeader(header)
                    .setTextAlign(ColumnTextAlign.CENTER).setWidth("9rem").setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(book.columns().isEmpty() ? "No assignments yet." : "No students in this course yet.");
        grid.setItems(query -> grading.rows(user, course.id(), query.getOffset(), query.getLimit()).stream(), query -> book.studentCount());
        // A small class shows whole; a large one scrolls and loads its rows page by page.
        if (book.studentCount() <= 15) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("70vh");
        }

        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName(course.title()) + "-grades.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\uFEFF'); // Spreadsheet programs read UTF-8 names correctly only with a byte-order mark.
                grading.exportCsv(user, course.id(), out);
            }
        }, "Export CSV");
        HorizontalLayout toolbar = new HorizontalLayout(new Span(Counted.of(book.studentCount(), "student", "students") + " · " + Counted.of(book.columns().size(), "assignment", "assignments")), export);
        toolbar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return new Div(toolbar, grid);
    }

    private static Component cell(Cell cell, Column column) {
        if (cell.grade() != null) {
            Span grade = new Span(cell.grade().display(column.scale(), column.pointsPossible()));
            if (!cell.grade().returned()) {
                grade.setTitle("Not returned yet");
                grade.addClassName("grade-draft");
            }
            return grade;
        }
        return SubmissionRoster.status(cell);
    }

    private Component myGrades() {
        Gradebook.Row me = grading.myRow(user, course.id());
        Grid<Column> grid = new Grid<>();
        grid.addColumn(c -> c.title()).setHeader("Assignment").setFlexGrow(1);
        grid.addColumn(c -> ClientTime.format(c.dueAt())).setHeader("Due").setAutoWidth(true);
        grid.addComponentColumn(c -> cell(me.cells().get(c.assignmentId()), c)).setHeader("Grade").setAutoWidth(true);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate("courses/" + course.id() + "/items/" + e.getItem().assignmentId())));
        grid.setItems(grading.columns(user, course.id()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No assignments yet.");
        return grid;
    }

    private static String fileName(String title) {
        String name = title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase();
        return name.isEmpty() ? "course" : name;
    }
}
