package com.classentra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.GradingScale;
import com.classentra.classwork.LatePolicy;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.CourseSummary;
import com.classentra.dashboard.StudentDashboard.Deadline;
import com.classentra.dashboard.StudentDashboard.EnrolledCourse;
import com.classentra.dashboard.TeacherDashboard.CourseActivity;
import com.classentra.dashboard.TeacherDashboard.WorkToGrade;
import com.classentra.grading.GradeForm;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.SqlStatements;
import com.classentra.testsupport.SqlStatements.Counted;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class DashboardServiceTest {

    /** A zone where it is about noon now, so "today" holds an hour either side whenever the test runs. */
    private static final ZoneId NOON_ZONE = ZoneOffset.ofHours(12 - Instant.now().atOffset(ZoneOffset.UTC).getHour());

    @Autowired
    DashboardService dashboards;
    @Autowired
    ClassworkService classwork;
    @Autowired
    GradingService grading;
    @Autowired
    Classrooms classrooms;
    @Autowired
    SqlStatements statements;

    private final Instant now = Instant.now();

    private CourseItem assignment(SignedInUser teacher, CourseSummary course, String title, Instant due) {
        return post(teacher, course, new ItemForm(ItemKind.ASSIGNMENT, title, "", true, due, BigDecimal.TEN, GradingScale.POINTS,
                LatePolicy.ACCEPT, null, null, null, null, null, null));
    }

    private CourseItem session(SignedInUser teacher, CourseSummary course, String title, Instant start, String meetingUrl) {
        return post(teacher, course, new ItemForm(ItemKind.SESSION, title, "", true, null, null, null, null, null, start, 60, meetingUrl, null, null));
    }

    private CourseItem post(SignedInUser teacher, CourseSummary course, ItemForm form) {
        var saved = classwork.save(teacher, course.id(), null, form, List.of());
        assertThat(saved.problems()).isEmpty();
        return saved.item();
    }

    private void turnIn(SignedInUser student, CourseSummary course, CourseItem assignment) {
        assertThat(classwork.turnIn(student, course.id(), assignment.id(), "<p>Done</p>", List.of()).problems()).isEmpty();
    }

    private void grade(SignedInUser teacher, CourseSummary course, CourseItem assignment, SignedInUser student, String points, boolean returned) {
        assertThat(grading.grade(teacher, course.id(), assignment.id(), student.id(),
                new GradeForm(new BigDecimal(points), null, "", returned, null)).problems()).isEmpty();
    }

    @Test
    void theTeacherSeesTodaysSessionsWorkToGradeAndCourseActivityOfTheirWorkspaceOnly() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary piano = classrooms.course(teacher, "Piano");
        SignedInUser ana = classrooms.student();
        SignedInUser ben = classrooms.student();
        classrooms.enrol(ana, piano);
        classrooms.enrol(ben, piano);
        CourseItem lesson = session(teacher, piano, "Chords live", now.plus(Duration.ofHours(1)), "https://meet.google.com/abc-defg-hij");
        session(teacher, piano, "Tomorrow's class", now.plus(Duration.ofDays(1)), null);
        CourseItem essay = assignment(teacher, piano, "Essay", now.plus(Duration.ofDays(1)));
        turnIn(ana, piano, essay);
        turnIn(ben, piano, essay);
        grade(teacher, piano, essay, ben, "8", false);
        CourseItem quiz = assignment(teacher, piano, "Quiz", now.plus(Duration.ofDays(2)));
        turnIn(ben, piano, quiz);
        grade(teacher, piano, quiz, ben, "9", true);
        turnIn(ben, piano, quiz);

        SignedInUser otherTeacher = classrooms.teacher();
        CourseSummary violin = classrooms.course(otherTeacher, "Violin");
        classrooms.enrol(ana, violin);
        session(otherTeacher, violin, "Bowing live", now.plus(Duration.ofHours(1)), null);
        turnIn(ana, violin, assignment(otherTeacher, violin, "Scales", null));

        Counted<TeacherDashboard> counted = statements.count(() -> dashboards.teacher(teacher, NOON_ZONE));
        TeacherDashboard page = counted.value();

        assertThat(page.sessionsToday()).extracting(Session::title, Session::meetingUrl, Session::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chords live", "https://meet.google.com/abc-defg-hij",
                        "/courses/" + piano.id() + "/items/" + lesson.id()));
        // Ana's essay was never graded; Ben turned the quiz in again after it was graded; Ben's graded essay is done.
        assertThat(page.workToGrade()).extracting(WorkToGrade::assignmentTitle, WorkToGrade::studentId, WorkToGrade::regrade, WorkToGrade::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Essay", ana.id(), false, 1),
                        org.assertj.core.groups.Tuple.tuple("Quiz", ben.id(), true, 2));
        assertThat(page.workToGrade().getFirst().courseTitle()).isEqualTo("Piano");
        assertThat(page.workToGrade().getFirst().link()).isEqualTo("/courses/" + piano.id() + "/items/" + essay.id());
        CourseActivity activity = page.courses().getFirst();
        assertThat(page.courses()).hasSize(1);
        assertThat(activity.title()).isEqualTo("Piano");
        assertThat(activity.activeStudents()).isEqualTo(2);
        assertThat(activity.lastPost().title()).isEqualTo("Quiz");
        assertThat(activity.recentTurnIns()).isEqualTo(3);
        assertThat(counted.statements()).isEqualTo(3);
    }

    @Test
    void theStudentSeesTheirOwnDeadlinesSessionsAndReturnedGradesAcrossWorkspaces() {
        SignedInUser piano = classrooms.teacher();
        CourseSummary pianoCourse = classrooms.course(piano, "Piano");
        SignedInUser violin = classrooms.teacher();
        CourseSummary violinCourse = classrooms.course(violin, "Violin");
        CourseSummary notMine = classrooms.course(violin, "Cello");
        SignedInUser ana = classrooms.student();
        SignedInUser ben = classrooms.student();
        classrooms.enrol(ana, pianoCourse);
        classrooms.enrol(ana, violinCourse);
        classrooms.enrol(ben, pianoCourse);
        classrooms.enrol(ben, notMine);

        CourseItem essay = assignment(piano, pianoCourse, "Essay", now.plus(Duration.ofDays(1)));
        CourseItem overdue = assignment(piano, pianoCourse, "Overdue quiz", now.minus(Duration.ofDays(1)));
        assignment(piano, pianoCourse, "Far away", now.plus(Duration.ofDays(20)));
        CourseItem scales = assignment(violin, violinCourse, "Scales", now.plus(Duration.ofDays(3)));
        CourseItem turnedIn = assignment(violin, violinCourse, "Etude", now.plus(Duration.ofDays(2)));
        assignment(violin, notMine, "Cello scales", now.plus(Duration.ofDays(1)));
        turnIn(ana, violinCourse, turnedIn);
        grade(violin, violinCourse, turnedIn, ana, "9", true);
        grade(piano, pianoCourse, overdue, ana, "0", false);
        turnIn(ben, pianoCourse, essay);
        grade(piano, pianoCourse, essay, ben, "7", true);
        session(piano, pianoCourse, "Chords live", now.plus(Duration.ofHours(1)), "https://meet.google.com/abc-defg-hij");
        session(violin, notMine, "Cello live", now.plus(Duration.ofHours(1)), null);

        Counted<StudentDashboard> counted = statements.count(() -> dashboards.student(ana, NOON_ZONE));
        StudentDashboard page = counted.value();

        assertThat(page.deadlines()).extracting(Deadline::title, Deadline::courseTitle, Deadline::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Essay", "Piano", false),
                        org.assertj.core.groups.Tuple.tuple("Scales", "Violin", false),
                        org.assertj.core.groups.Tuple.tuple("Overdue quiz", "Piano", true));
        assertThat(page.deadlines().get(1).link()).isEqualTo("/courses/" + violinCourse.id() + "/items/" + scales.id());
        assertThat(page.sessionsToday()).extracting(Session::title).containsExactly("Chords live");
        // The ungraded-yet-unreturned zero and Ben's grade stay hidden.
        assertThat(page.feedback()).extracting(StudentDashboard.Feedback::title, StudentDashboard.Feedback::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Etude", "9 / 10"));
        assertThat(page.courses()).extracting(EnrolledCourse::title).containsExactly("Piano", "Violin");
        assertThat(counted.statements()).isEqualTo(4);
    }

    @Test
    void pagesCostTheSameStatementsWithMoreData() {
        SignedInUser teacher = classrooms.teacher();
        SignedInUser student = classrooms.student();
        CourseSummary first = classrooms.course(teacher, "First");
        classrooms.enrol(student, first);
        int teacherSmall = statements.count(() -> dashboards.teacher(teacher, NOON_ZONE)).statements();
        int studentSmall = statements.count(() -> dashboards.student(student, NOON_ZONE)).statements();

        for (int c = 0; c < 3; c++) {
            CourseSummary course = classrooms.course(teacher, "Course " + c);
            classrooms.enrol(student, course);
            session(teacher, course, "Live " + c, now.plus(Duration.ofMinutes(30)), null);
            for (int a = 0; a < 3; a++) {
                CourseItem assignment = assignment(teacher, course, "Work " + a, now.plus(Duration.ofDays(a - 1)));
                SignedInUser classmate = classrooms.student();
                classrooms.enrol(classmate, course);
                turnIn(classmate, course, assignment);
                grade(teacher, course, assignment, student, "5", true);
            }
        }
        Counted<TeacherDashboard> teacherLarge = statements.count(() -> dashboards.teacher(teacher, NOON_ZONE));
        Counted<StudentDashboard> studentLarge = statements.count(() -> dashboards.student(student, NOON_ZONE));

        assertThat(teacherLarge.value().workToGrade()).hasSize(9);
        assertThat(studentLarge.value().feedback()).hasSize(DashboardService.FEEDBACK_SHOWN);
        assertThat(teacherLarge.statements()).isEqualTo(teacherSmall);
        assertThat(studentLarge.statements()).isEqualTo(studentSmall);
    }

    @Test
    void aTeacherWithoutAWorkspaceGetsAnEmptyPage() {
        SignedInUser teacher = classrooms.teacher();
        SignedInUser outsideAnyWorkspace = new SignedInUser(teacher.id(), teacher.email(), teacher.displayName(), Set.of(Role.TEACHER), null, null);
        TeacherDashboard page = dashboards.teacher(outsideAnyWorkspace, NOON_ZONE);
        assertThat(page.sessionsToday()).isEmpty();
        assertThat(page.workToGrade()).isEmpty();
        assertThat(page.courses()).isEmpty();
    }

    @Test
    void eachPageIsForItsRole() {
        SignedInUser teacher = classrooms.teacher();
        SignedInUser student = classrooms.student();
        assertThatThrownBy(() -> dashboards.teacher(student, NOON_ZONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboards.student(teacher, NOON_ZONE)).isInstanceOf(AccessDeniedException.class);
    }
}
