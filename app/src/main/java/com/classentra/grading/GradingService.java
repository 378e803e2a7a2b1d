package com.classentra.grading;

import com.classentra.classwork.GradingScale;
import com.classentra.platform.text.CsvWriter;
import com.classentra.classwork.ItemNotFoundException;
import com.classentra.classwork.SubmissionStatus;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.platform.security.RoleScopes;
import com.classentra.grading.Gradebook.Cell;
import com.classentra.grading.Gradebook.Column;
import com.classentra.grading.Gradebook.Row;
import com.classentra.grading.GradeRepository.AssignmentRef;
import com.classentra.grading.GradeRepository.HistoryRow;
import com.classentra.grading.GradeRepository.StudentRef;
import com.classentra.grading.GradeRepository.Turnin;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.RichText;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Grades, feedback and the gradebook. Only the course's teachers grade (tenant scope); a student reads their own
 * grades once returned, which row-level security enforces as well.
 */
@Service
public class GradingService {

    public static final List<String> LETTERS = List.of("A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F");
    private static final int CSV_PAGE = 500;

    private final GradeRepository grades;
    private final RoleScopes scopes;
    private final AuditLog audit;
    private final NotificationService notifications;

    GradingService(GradeRepository grades, RoleScopes scopes, AuditLog audit, NotificationService notifications) {
        this.grades = grades;
        this.scopes = scopes;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** A saved grade, or messages keyed by form field. */
    public record Graded(Grade grade, Map<String, String> problems) {
    }

    public Graded grade(SignedInUser teacher, UUID courseId, UUID assignmentId, UUID studentId, GradeForm form) {
        return scopes.asTeacher(teacher, () -> {
            AssignmentRef assignment = grades.assignment(courseId, assignmentId).orElseThrow(ItemNotFoundException::new);
            if (!grades.isActiveStudent(courseId, studentId)) {
                throw new CourseNotFoundException();
            }
            Map<String, String> problems = validate(assignment, form);
            if (!problems.isEmpty()) {
                return new Graded(null, problems);
            }
            boolean letter = assignment.gradingScale() == GradingScale.LETTER;
            String reason = form.reason() == null || form.reason().isBlank() ? null : form.reason().strip();
            boolean wasReturned = grades.grade(assignmentId, studentId).map(Grade::returned).orElse(false);
            grades.save(assignment, studentId, letter ? null : form.points(), letter ? form.letter() : null,
                    RichText.sanitize(form.feedbackHtml()), form.returnToStudent(), teacher.id(), reason);
            if (form.returnToStudent() || wasReturned) {
                notifyReturned(assignment, studentId, wasReturned);
            }
            audit.record(teacher.tenantId(), teacher.id(), "grade.saved", "course_item", assignmentId.toString(),
                    Map.of("student", studentId.toString(), "returned", form.returnToStudent()));
            return new Graded(grades.grade(assignmentId, studentId).orElseThrow(), Map.of());
        });
    }

    /** Returns graded work to these students; the students it was newly returned to. */
    public List<UUID> returnGrades(SignedInUser teacher, UUID courseId, UUID assignmentId, Collection<UUID> studentIds) {
        return studentIds.isEmpty() ? List.of() : returnGradesOf(teacher, courseId, assignmentId, studentIds);
    }

    /** Returns every graded but not yet returned piece of work on the assignment, in one statement. */
    public List<UUID> returnAllGraded(SignedInUser teacher, UUID courseId, UUID assignmentId) {
        return returnGradesOf(teacher, courseId, assignmentId, null);
    }

    private List<UUID> returnGradesOf(SignedInUser teacher, UUID courseId, UUID assignmentId, Collection<UUID> studentIds) {
        return scopes.asTeacher(teacher, () -> {
            AssignmentRef assignment = grades.assignment(courseId, assignmentId).orElseThrow(ItemNotFoundException::new);
            List<UUID> returned = grades.returnGrades(assignmentId, studentIds);
            returned.forEach(studentId -> notifyReturned(assignment, studentId, false));
            audit.record(teacher.tenantId(), teacher.id(), "grade.returned", "course_item", assignmentId.toString(), Map.of("count", returned.size()));
            return returned;
        });
    }

    private void notifyReturned(AssignmentRef assignment, UUID studentId, boolean regraded) {
        notifications.notifyUser(studentId, assignment.tenantId(), assignment.courseId(), NotificationKind.GRADE_RETURNED,
                (regraded ? "Your grade was updated: " : "Graded: ") + assignment.title(),
                "/courses/" + assignment.courseId() + "/items/" + assignment.id());
    }

    /** A change in the regrade history. */
    public record GradeChange(String value, String feedbackHtml, String gradedBy, Instant gradedAt, String reason) {
    }

    public List<GradeChange> history(SignedInUser teacher, UUID courseId, UUID assignmentId, UUID studentId) {
        return scopes.asTeacher(teacher, () -> {
            AssignmentRef assignment = grades.assignment(courseId, assignmentId).orElseThrow(ItemNotFoundException::new);
            return grades.history(assignmentId, studentId).stream().map(h -> change(assignment, h)).toList();
        });
    }

    /** The student's returned grade on an assignment, if any. */
    public java.util.Optional<Grade> myGrade(SignedInUser student, UUID courseId, UUID assignmentId) {
        return scopes.asStudent(student, () -> {
            grades.assignment(courseId, assignmentId).orElseThrow(ItemNotFoundException::new);
            return grades.grade(assignmentId, student.id()).filter(Grade::returned);
        });
    }

    /** The gradebook's columns and size: two statements. */
    public Gradebook gradebook(SignedInUser teacher, UUID courseId) {
        return scopes.asTeacher(teacher, () -> {
            List<Column> columns = columns(courseId);
            return new Gradebook(courseId, columns, grades.activeStudentCount(courseId));
        });
    }

    /** One page of gradebook rows: four statements, whatever the page size or number of assignments. */
    public List<Row> rows(SignedInUser teacher, UUID courseId, int offset, int limit) {
        return scopes.asTeacher(teacher, () -> rowsOf(courseId, grades.students(courseId, offset, limit), columns(courseId), Instant.now()));
    }

    /** The student's own line of the gradebook: their status and returned grades on every assignment. */
    public Gradebook.Row myRow(SignedInUser student, UUID courseId) {
        return scopes.asStudent(student, () -> {
            StudentRef me = new StudentRef(student.id(), student.displayName(), student.email());
            return rowsOf(courseId, List.of(me), columns(courseId), Instant.now()).getFirst();
        });
    }

    public List<Column> columns(SignedInUser user, UUID courseId) {
        return scopes.asMember(user, () -> columns(courseId));
    }

    /**
     * Writes the whole gradebook as CSV, one line per student, reading students page by page so memory stays flat with
     * thousands of them. Each assignment graded in points or percent has three number columns (points, out of,
     * percentage) that a spreadsheet can sum; a letter-graded one has its letter. Missing work reads "missing".
     */
    public void exportCsv(SignedInUser teacher, UUID courseId, Writer out) {
        scopes.asTeacher(teacher, () -> {
            List<Column> columns = columns(courseId);
            CsvWriter csv = new CsvWriter(out);
            List<Object> header = new java.util.ArrayList<>(List.of("Student", "Email"));
            for (Column column : columns) {
                if (column.scale() == GradingScale.LETTER) {
                    header.add(column.title() + " (letter)");
                } else {
                    header.addAll(List.of(column.title() + " (points)", column.title() + " (out of)", column.title() + " (%)"));
                }
            }
            csv.row(header);
            Instant now = Instant.now();
            for (int offset = 0; ; offset += CSV_PAGE) {
                List<StudentRef> page = grades.students(courseId, offset, CSV_PAGE);
                for (Row row : rowsOf(courseId, page, columns, now)) {
                    List<Object> line = new java.util.ArrayList<>(List.of(row.name(), row.email()));
                    for (Column column : columns) {
                        line.addAll(exportCells(column, row.cells().get(column.assignmentId())));
                    }
                    csv.row(line);
                }
                if (page.size() < CSV_PAGE) {
                    break;
                }
            }
            csv.flush();
            audit.record(teacher.tenantId(), teacher.id(), "gradebook.exported", "course", courseId.toString(), Map.of());
            return null;
        });
    }

    private static List<Object> exportCells(Column column, Cell cell) {
        String missing = cell.grade() == null && cell.status() == SubmissionStatus.MISSING ? "missing" : null;
        if (column.scale() == GradingScale.LETTER) {
            return java.util.Collections.singletonList(cell.grade() != null ? cell.grade().letter() : missing);
        }
        if (cell.grade() == null || cell.grade().points() == null) {
            return java.util.Arrays.asList(missing, null, null);
        }
        BigDecimal points = cell.grade().points();
        BigDecimal outOf = column.scale() == GradingScale.PERCENT ? BigDecimal.valueOf(100) : column.pointsPossible();
        BigDecimal percent = points.multiply(BigDecimal.valueOf(100)).divide(outOf, 1, java.math.RoundingMode.HALF_UP);
        return List.of(points, outOf, percent);
    }

    private List<Column> columns(UUID courseId) {
        return grades.assignments(courseId).stream()
                .map(a -> new Column(a.id(), a.title(), a.gradingScale(), a.pointsPossible(),
                        a.dueAt() == null ? null : a.dueAt().toInstant()))
                .toList();
    }

    private List<Row> rowsOf(UUID courseId, List<StudentRef> students, List<Column> columns, Instant now) {
        if (students.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = students.stream().map(StudentRef::id).collect(Collectors.toSet());
        Map<String, Turnin> turnins = grades.turnins(courseId, ids).stream().collect(Collectors.toMap(t -> key(t.assignmentId(), t.studentId()), Function.identity()));
        Map<String, Grade> graded = grades.grades(courseId, ids).stream().collect(Collectors.toMap(g -> key(g.assignmentId(), g.studentId()), Function.identity()));
        return students.stream().map(student -> {
            Map<UUID, Cell> cells = new LinkedHashMap<>();
            for (Column column : columns) {
                String key = key(column.assignmentId(), student.id());
                Turnin turnin = turnins.get(key);
                Instant turnedInAt = turnin == null ? null : turnin.submittedAt().toInstant();
                Grade grade = graded.get(key);
                SubmissionStatus status = SubmissionStatus.of(turnedInAt, turnin != null && turnin.late(), column.dueAt(), now)
                        .afterReturn(grade == null ? null : grade.returnedAt(), turnedInAt);
                cells.put(column.assignmentId(), new Cell(status, turnedInAt, turnin == null ? 0 : turnin.versions(), grade));
            }
            return new Row(student.id(), student.name(), student.email(), cells);
        }).toList();
    }

    private static String key(UUID assignmentId, UUID studentId) {
        return assignmentId + "/" + studentId;
    }

    private static GradeChange change(AssignmentRef assignment, HistoryRow h) {
        Grade asGrade = new Grade(assignment.id(), null, h.points(), h.letter(), h.feedbackHtml(), h.gradedAt().toInstant(), null);
        return new GradeChange(asGrade.display(assignment.gradingScale(), assignment.pointsPossible()), h.feedbackHtml(),
                h.gradedBy(), h.gradedAt().toInstant(), h.reason());
    }

    private static Map<String, String> validate(AssignmentRef assignment, GradeForm form) {
        Map<String, String> problems = new HashMap<>();
        switch (assignment.gradingScale()) {
            case LETTER -> {
                if (form.letter() == null || !LETTERS.contains(form.letter())) {
                    problems.put("letter", "Choose a letter grade");
                }
            }
            case PERCENT -> {
                if (form.points() == null || form.points().signum() < 0 || form.points().compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.put("points", "Enter a percentage from 0 to 100");
                }
            }
            case POINTS -> {
                if (form.points() == null || form.points().signum() < 0 || form.points().compareTo(assignment.pointsPossible()) > 0) {
                    problems.put("points", "Enter points from 0 to " + assignment.pointsPossible().stripTrailingZeros().toPlainString());
                }
            }
        }
        if (form.points() != null && form.points().scale() > 2) {
            problems.put("points", "Use at most two decimals");
        }
        if (form.feedbackHtml() != null && form.feedbackHtml().length() > 100_000) {
            problems.put("feedback", "The feedback is too long (100,000 characters at most)");
        }
        if (form.reason() != null && form.reason().length() > 500) {
            problems.put("reason", "Keep the reason under 500 characters");
        }
        return problems;
    }
}
