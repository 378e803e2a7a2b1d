package com.classentra.grading;

import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.GRADE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.GradingScale;
import com.classentra.classwork.LatePolicy;
import com.classentra.classwork.ItemKind;
import com.classentra.classwork.ItemNotFoundException;
import com.classentra.classwork.SubmissionStatus;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class GradingServiceTest {

    @Autowired
    GradingService grading;
    @Autowired
    ClassworkService classwork;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;

    private CourseItem assignment(SignedInUser teacher, CourseSummary course, String title, GradingScale scale, Instant due) {
        return classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.ASSIGNMENT, title, "", true, due, BigDecimal.TEN, scale,
                LatePolicy.ACCEPT, null, null, null, null, null, null), List.of()).item();
    }

    @Test
    void gradesAreCheckedKeptInHistoryAndShownToTheStudentOnlyOnceReturned() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem essay = assignment(teacher, course, "Essay", GradingScale.POINTS, null);
        classwork.turnIn(student, course.id(), essay.id(), "<p>Done</p>", List.of());

        var tooMany = grading.grade(teacher, course.id(), essay.id(), student.id(), new GradeForm(new BigDecimal("11"), null, "", false, null));
        assertThat(tooMany.problems()).containsEntry("points", "Enter points from 0 to 10");
        assertThat(platform.count(GRADE, GRADE.STUDENT_ID.eq(student.id()))).isZero();

        grading.grade(teacher, course.id(), essay.id(), student.id(), new GradeForm(new BigDecimal("7"), null, "<p>Good <i>start</i></p>", false, null));
        assertThat(grading.myGrade(student, course.id(), essay.id())).isEmpty();

        assertThat(grading.returnGrades(teacher, course.id(), essay.id(), List.of(student.id()))).containsExactly(student.id());
        Grade seen = grading.myGrade(student, course.id(), essay.id()).orElseThrow();
        assertThat(seen.display(GradingScale.POINTS, BigDecimal.TEN)).isEqualTo("7 / 10");
        assertThat(seen.feedbackHtml()).contains("<i>start</i>");

        grading.grade(teacher, course.id(), essay.id(), student.id(), new GradeForm(new BigDecimal("8.5"), null, "<p>Regraded</p>", false, "Missed page 2"));
        assertThat(grading.myGrade(student, course.id(), essay.id()).orElseThrow().points()).isEqualByComparingTo("8.5");
        assertThat(grading.history(teacher, course.id(), essay.id(), student.id()))
                .extracting(GradingService.GradeChange::value, GradingService.GradeChange::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8.5 / 10", "Missed page 2"), org.assertj.core.groups.Tuple.tuple("7 / 10", null));
    }

    @Test
    void returnedWorkReadsReturnedUntilTheStudentTurnsInAgain() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Cello");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem essay = assignment(teacher, course, "Essay", GradingScale.POINTS, null);
        classwork.turnIn(student, course.id(), essay.id(), "<p>Done</p>", List.of());
        grading.grade(teacher, course.id(), essay.id(), student.id(), new GradeForm(new BigDecimal("7"), null, "", false, null));
        assertThat(statusOf(teacher, course, essay)).as("graded, not yet returned").isEqualTo(SubmissionStatus.SUBMITTED);

        grading.returnGrades(teacher, course.id(), essay.id(), List.of(student.id()));
        assertThat(statusOf(teacher, course, essay)).isEqualTo(SubmissionStatus.RETURNED);

        classwork.turnIn(student, course.id(), essay.id(), "<p>Second try</p>", List.of());
        assertThat(statusOf(teacher, course, essay)).as("new work to grade").isEqualTo(SubmissionStatus.SUBMITTED);
    }

    private SubmissionStatus statusOf(SignedInUser teacher, CourseSummary course, CourseItem assignment) {
        return grading.rows(teacher, course.id(), 0, 10).getFirst().cells().get(assignment.id()).status();
    }

    @Test
    void letterAndPercentageScales() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem recital = assignment(teacher, course, "Recital", GradingScale.LETTER, null);
        CourseItem quiz = assignment(teacher, course, "Quiz", GradingScale.PERCENT, null);

        assertThat(grading.grade(teacher, course.id(), recital.id(), student.id(), new GradeForm(null, "Z", "", true, null)).problems()).containsKey("letter");
        assertThat(grading.grade(teacher, course.id(), recital.id(), student.id(), new GradeForm(null, "B+", "", true, null)).grade().letter()).isEqualTo("B+");
        assertThat(grading.grade(teacher, course.id(), quiz.id(), student.id(), new GradeForm(new BigDecimal("101"), null, "", true, null)).problems()).containsKey("points");
        Grade quizGrade = grading.grade(teacher, course.id(), quiz.id(), student.id(), new GradeForm(new BigDecimal("85"), null, "", true, null)).grade();
        assertThat(quizGrade.display(GradingScale.PERCENT, new BigDecimal("100"))).isEqualTo("85%");
    }

    @Test
    void anotherWorkspaceCannotGradeOrReadGradesById() {
        SignedInUser teacher = classrooms.teacher();
        SignedInUser intruder = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem essay = assignment(teacher, course, "Essay", GradingScale.POINTS, null);
        grading.grade(teacher, course.id(), essay.id(), student.id(), new GradeForm(new BigDecimal("7"), null, "", false, null));

        assertThatThrownBy(() -> grading.grade(intruder, course.id(), essay.id(), student.id(), new GradeForm(BigDecimal.TEN, null, "", true, null)))
                .isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> grading.returnGrades(intruder, course.id(), essay.id(), List.of(student.id()))).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> grading.history(intruder, course.id(), essay.id(), student.id())).isInstanceOf(ItemNotFoundException.class);
        assertThat(grading.gradebook(intruder, course.id()).columns()).isEmpty();
        assertThat(grading.rows(intruder, course.id(), 0, 50)).isEmpty();
        assertThatThrownBy(() -> grading.grade(student, course.id(), essay.id(), student.id(), new GradeForm(BigDecimal.TEN, null, "", true, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(platform.value(GRADE.POINTS, GRADE.STUDENT_ID.eq(student.id()))).isEqualByComparingTo("7");
        assertThat(platform.value(GRADE.RETURNED_AT, GRADE.STUDENT_ID.eq(student.id()))).isNull();
        assertThat(platform.count(GRADE_HISTORY, GRADE_HISTORY.STUDENT_ID.eq(student.id()))).isEqualTo(1);
        assertThatThrownBy(() -> grading.returnAllGraded(intruder, course.id(), essay.id())).isInstanceOf(ItemNotFoundException.class);
        assertThat(platform.value(GRADE.RETURNED_AT, GRADE.STUDENT_ID.eq(student.id()))).isNull();

        assertThat(grading.returnAllGraded(teacher, course.id(), essay.id())).containsExactly(student.id());
        assertThat(grading.returnAllGraded(teacher, course.id(), essay.id())).isEmpty();
    }

    @Test
    void theGradebookPagesStudentsAndExportsCsvSafely() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser ann = classrooms.student();
        SignedInUser bob = classrooms.student();
        classrooms.enrol(ann, course);
        classrooms.enrol(bob, course);
        CourseItem past = assignment(teacher, course, "=HYPERLINK(\"x\")", GradingScale.POINTS, Instant.now().minusSeconds(3600));
        CourseItem open = assignment(teacher, course, "Essay", GradingScale.POINTS, null);
        classwork.turnIn(ann, course.id(), open.id(), "<p>Done</p>", List.of());
        grading.grade(teacher, course.id(), open.id(), ann.id(), new GradeForm(new BigDecimal("9"), null, "", true, null));

        Gradebook book = grading.gradebook(teacher, course.id());
        assertThat(book.studentCount()).isEqualTo(2);
        assertThat(book.columns()).extracting(Gradebook.Column::assignmentId).containsExactly(past.id(), open.id());
        List<Gradebook.Row> firstPage = grading.rows(teacher, course.id(), 0, 1);
        assertThat(firstPage).hasSize(1);
        assertThat(grading.rows(teacher, course.id(), 1, 1)).hasSize(1).extracting(Gradebook.Row::studentId).doesNotContain(firstPage.getFirst().studentId());

        Gradebook.Row annRow = grading.rows(teacher, course.id(), 0, 10).stream().filter(r -> r.studentId().equals(ann.id())).findFirst().orElseThrow();
        assertThat(annRow.cells().get(past.id()).status()).isEqualTo(SubmissionStatus.MISSING);
        assertThat(annRow.cells().get(open.id()).grade().points()).isEqualByComparingTo("9");
        assertThat(grading.myRow(bob, course.id()).cells().get(open.id()).grade()).isNull();

        StringWriter csv = new StringWriter();
        grading.exportCsv(teacher, course.id(), csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("Student,Email,\"'=HYPERLINK(\"\"x\"\") (points)\",\"'=HYPERLINK(\"\"x\"\") (out of)\","
                + "\"'=HYPERLINK(\"\"x\"\") (%)\",Essay (points),Essay (out of),Essay (%)");
        // Numbers a spreadsheet can sum: points, out of and percentage in their own columns.
        assertThat(lines).anyMatch(line -> line.endsWith("," + ann.email() + ",missing,,,9,10,90"));
        assertThat(lines).anyMatch(line -> line.endsWith("," + bob.email() + ",missing,,,,,"));
    }
}
