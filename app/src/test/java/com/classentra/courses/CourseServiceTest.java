package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.SignUpForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseService.JoinOutcome;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestOrigins;
import com.classentra.platform.ratelimit.RateLimitedException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class CourseServiceTest {

    @Autowired
    CourseService courses;
    @Autowired
    AccountService accounts;
    @Autowired
    PlatformSql platform;
    @Autowired
    com.classentra.notifications.NotificationService notifications;

    private SignedInUser teacher() {
        UUID id = accounts.signUp(new SignUpForm(true, "Tea", "Cher", null, "t-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        UUID tenant = platform.value(TENANT_MEMBER.TENANT_ID, TENANT_MEMBER.USER_ID.eq(id));
        return new SignedInUser(id, "t@example.com", "Tea Cher", Set.of(Role.TEACHER), tenant, null);
    }

    private SignedInUser student() {
        UUID id = accounts.signUp(new SignUpForm(false, "Stu", "Dent", null, "s-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        return new SignedInUser(id, "s@example.com", "Stu Dent", Set.of(Role.STUDENT), null, null);
    }

    @Test
    void theTeachersPeopleListShowsTheActiveStudentsAndALeavingStudentTellsTheTeacher() {
        SignedInUser teacher = teacher();
        CourseSummary course = courses.create(teacher, form("Violin")).course();
        SignedInUser staying = student();
        SignedInUser leaving = student();
        SignedInUser removed = student();
        for (SignedInUser student : List.of(staying, leaving, removed)) {
            courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());
        }
        assertThat(courses.students(teacher, course.id())).extracting(CourseService.CourseStudent::id)
                .containsExactlyInAnyOrder(staying.id(), leaving.id(), removed.id());
        assertThat(courses.students(teacher, course.id()).getFirst().name()).isEqualTo("Stu Dent");

        courses.leave(leaving, course.id());
        courses.removeStudent(teacher, course.id(), removed.id());

        assertThat(courses.students(teacher, course.id())).extracting(CourseService.CourseStudent::id).containsExactly(staying.id());
        assertThat(notifications.latest(teacher, 10)).extracting(com.classentra.notifications.Notification::title)
                .contains("Stu Dent left the course");
        assertThatThrownBy(() -> courses.leave(leaving, course.id())).as("leaving twice").isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> courses.students(teacher(), course.id())).as("another workspace's course")
                .isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> courses.students(staying, course.id())).as("a student").isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private static CourseForm form(String title) {
        return new CourseForm(title, "<p>Scales and <b>arpeggios</b></p>", LocalDate.of(2027, 1, 10), LocalDate.of(2027, 3, 28), Visibility.PRIVATE);
    }

    @Test
    void aTeacherCreatesACourseWithASanitisedDescription() {
        SignedInUser teacher = teacher();
        var saved = courses.create(teacher, new CourseForm("Piano for adults",
                "<p onclick=\"steal()\">Hi <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a> <a href=\"https://example.com\">site</a></p>",
                null, null, Visibility.UNLISTED));

        assertThat(saved.problems()).isEmpty();
        assertThat(saved.course().descriptionHtml()).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript")
                .contains("<a href=\"https://example.com\" rel=\"noopener noreferrer nofollow\">site</a>");
        assertThat(saved.course().joinCode()).matches("[A-Z0-9]{8}");
        assertThat(courses.coursesOf(teacher)).extracting(CourseSummary::title).containsExactly("Piano for adults");
    }

    @Test
    void badInputGetsFieldMessagesAndStoresNothing() {
        SignedInUser teacher = teacher();
        var saved = courses.create(teacher, new CourseForm(" ", "", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1), null));

        assertThat(saved.problems()).containsOnlyKeys("title", "endsOn", "visibility");
        assertThat(courses.coursesOf(teacher)).isEmpty();
    }

    @Test
    void anotherWorkspaceCannotReadOrChangeTheCourseById() {
        SignedInUser owner = teacher();
        SignedInUser intruder = teacher();
        UUID id = courses.create(owner, form("Violin")).course().id();

        assertThatThrownBy(() -> courses.course(intruder, id)).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> courses.update(intruder, id, form("Hijacked"))).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> courses.archive(intruder, id, true)).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> courses.delete(intruder, id)).isInstanceOf(CourseNotFoundException.class);
        assertThat(courses.coursesOf(intruder)).isEmpty();

        CourseSummary untouched = courses.course(owner, id);
        assertThat(untouched.title()).isEqualTo("Violin");
        assertThat(untouched.archived()).isFalse();
    }

    @Test
    void studentsJoinWithTheCodeSeeOnlyTheirCoursesAndCanLeave() {
        SignedInUser teacher = teacher();
        CourseSummary course = courses.create(teacher, form("Guitar")).course();
        courses.create(teacher, form("Not for this student"));
        SignedInUser student = student();

        assertThat(courses.join(student, " " + course.joinCode().toLowerCase() + " ", TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.JOINED);
        assertThat(courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.ALREADY_ENROLLED);
        assertThat(courses.join(student, "ZZZZZZZZ", TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.UNKNOWN_CODE);
        assertThat(courses.join(student, "'; drop table course; --", TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.UNKNOWN_CODE);

        assertThat(courses.coursesOf(student)).extracting(CourseSummary::title).containsExactly("Guitar");
        assertThat(courses.course(teacher, course.id()).activeStudents()).isEqualTo(1);

        courses.leave(student, course.id());
        assertThat(courses.coursesOf(student)).isEmpty();
        assertThatThrownBy(() -> courses.course(student, course.id())).isInstanceOf(CourseNotFoundException.class);

        assertThat(courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).as("joining again after leaving").isEqualTo(JoinOutcome.JOINED);
        courses.removeStudent(teacher, course.id(), student.id());
        assertThat(courses.coursesOf(student)).isEmpty();
        assertThat(courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).as("the code does not undo a removal")
                .isEqualTo(JoinOutcome.REMOVED);
        assertThat(courses.coursesOf(student)).isEmpty();
    }

    @Test
    void archivedCoursesCannotBeJoinedAndDeletedCoursesTakeTheirEnrolmentsWithThem() {
        SignedInUser teacher = teacher();
        CourseSummary course = courses.create(teacher, form("Drums")).course();
        SignedInUser student = student();
        courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());

        courses.archive(teacher, course.id(), true);
        assertThat(courses.join(student(), course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.COURSE_ARCHIVED);

        courses.delete(teacher, course.id());
        assertThat(platform.count(COURSE, COURSE.ID.eq(course.id()))).isZero();
        assertThat(platform.count(ENROLMENT, ENROLMENT.COURSE_ID.eq(course.id()))).isZero();
    }

    @Test
    void rolesAreCheckedByTheServiceToo() {
        SignedInUser student = student();
        SignedInUser teacher = teacher();
        assertThatThrownBy(() -> courses.create(student, form("Mine"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> courses.join(teacher, "ABCDEFGH", TestOrigins.fresh().clientAddress())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aJoinLinkFirstAsksAndChangesNothingThenJoinsOnConfirmation() {
        SignedInUser teacher = teacher();
        CourseSummary course = courses.create(teacher, form("Oboe")).course();
        SignedInUser student = student();

        var invitation = courses.preview(student, course.joinCode().toLowerCase(), TestOrigins.fresh().clientAddress()).orElseThrow();
        assertThat(invitation.title()).isEqualTo("Oboe");
        assertThat(invitation.teacherName()).isEqualTo("Tea Cher");
        assertThat(invitation.wouldBe()).isEqualTo(JoinOutcome.JOINED);
        assertThat(platform.count(ENROLMENT, ENROLMENT.COURSE_ID.eq(course.id()))).as("looking is not joining").isZero();
        assertThat(courses.preview(student, "ZZZZZZZZ", TestOrigins.fresh().clientAddress())).isEmpty();

        courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());
        assertThat(courses.preview(student, course.joinCode(), TestOrigins.fresh().clientAddress()).orElseThrow().wouldBe())
                .isEqualTo(JoinOutcome.ALREADY_ENROLLED);
        courses.removeStudent(teacher, course.id(), student.id());
        assertThat(courses.preview(student, course.joinCode(), TestOrigins.fresh().clientAddress()).orElseThrow().wouldBe())
                .isEqualTo(JoinOutcome.REMOVED);
    }

    @Test
    void aNewCodeRetiresTheOldOneAndKeepsTheStudents() {
        SignedInUser teacher = teacher();
        CourseSummary course = courses.create(teacher, form("Harp")).course();
        SignedInUser student = student();
        courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());

        CourseSummary changed = courses.rotateJoinCode(teacher, course.id());

        assertThat(changed.joinCode()).isNotEqualTo(course.joinCode()).matches("[A-Z0-9]{8}");
        assertThat(courses.join(student(), course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.UNKNOWN_CODE);
        assertThat(courses.join(student(), changed.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.JOINED);
        assertThat(courses.course(teacher, course.id()).activeStudents()).as("the first student stays").isEqualTo(2);
        assertThatThrownBy(() -> courses.rotateJoinCode(teacher(), course.id())).isInstanceOf(CourseNotFoundException.class);
    }

    @Test
    void guessingJoinCodesIsLimitedPerAccountAndPerAddress() {
        SignedInUser guesser = student();
        for (int i = 0; i < 20; i++) {
            courses.join(guesser, "GUESS" + (100 + i), TestOrigins.fresh().clientAddress());
        }
        assertThatThrownBy(() -> courses.join(guesser, "GUESS999", TestOrigins.fresh().clientAddress()))
                .isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> courses.preview(guesser, "GUESS999", TestOrigins.fresh().clientAddress()))
                .as("looking a code up counts too").isInstanceOf(RateLimitedException.class);

        String address = TestOrigins.fresh().clientAddress();
        SignedInUser current = student();
        for (int i = 0; i < 120; i++) {
            if (i % 20 == 19) {
                current = student();
            }
            courses.preview(current, "GUESS" + (100 + i), address);
        }
        SignedInUser fresh = student();
        assertThatThrownBy(() -> courses.preview(fresh, "GUESS999", address)).isInstanceOf(RateLimitedException.class);
        assertThat(courses.preview(fresh, "GUESS999", TestOrigins.fresh().clientAddress())).as("another address still may").isEmpty();
    }
}
