package com.classentra.grading.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ui.SubmissionBadge;
import com.classentra.grading.Gradebook;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NarrowWindow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;

/** Every student's status and grade on one assignment, loaded page by page; a row opens the grading dialog. */
class SubmissionRoster extends Section {

    private final Grid<Gradebook.Row> grid = new Grid<>();
    private final transient GradingService grading;
    private final SignedInUser teacher;
    private final CourseItem assignment;

    SubmissionRoster(GradingService grading, ClassworkService classwork, SignedInUser teacher, CourseItem assignment) {
        this.grading = grading;
        this.teacher = teacher;
        this.assignment = assignment;
        addClassName("roster");
        grid.addColumn(Gradebook.Row::name).setHeader("Student").setFlexGrow(1);
        grid.addComponentColumn(row -> status(cell(row))).setHeader("Status").setAutoWidth(true);
        Grid.Column<Gradebook.Row> turnedIn = grid.addColumn(row -> ClientTime.format(cell(row).submittedAt())).setHeader("Turned in").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // A phone keeps the name, status and grade; when it was turned in shows in the grading dialog.
        NarrowWindow.follow(this, phone -> turnedIn.setVisible(!phone));
        grid.addColumn(row -> cell(row).grade() == null ? "" : cell(row).grade().display(assignment.gradingScale(), assignment.pointsPossible())
                + (cell(row).grade().returned() ? "" : " (draft)")).setHeader("Grade").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No students in this course yet.");
        grid.addItemClickListener(e -> new GradeDialog(grading, classwork, teacher, assignment, e.getItem().studentId(), e.getItem().name(),
                this::refresh).open());
        refresh();

        Button returnAll = new Button("Return all graded work", e -> {
            int returned = grading.returnAllGraded(teacher, assignment.courseId(), assignment.id()).size();
            Notification.show(returned == 0 ? "Nothing new to return." : "Returned to " + Counted.of(returned, "student", "students") + ".");
            refresh();
        });
        add(new H2("Students' work"), new Span("Select a student to see their work and grade it."), grid, returnAll);
    }

    private void refresh() {
        int count = grading.gradebook(teacher, assignment.courseId()).studentCount();
        // A small class shows whole; a large one scrolls and loads page by page.
        if (count <= 12) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("32rem");
        }
        grid.setItems(query -> grading.rows(teacher, assignment.courseId(), query.getOffset(), query.getLimit()).stream(), query -> count);
    }

    private Gradebook.Cell cell(Gradebook.Row row) {
        return row.cells().get(assignment.id());
    }

    static Span status(Gradebook.Cell cell) {
        return SubmissionBadge.of(cell.status());
    }
}
