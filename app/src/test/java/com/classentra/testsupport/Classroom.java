package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.SignUpForm;
import com.classentra.courses.CourseForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A small classroom for tests: teachers with their own workspace, students, courses they join, and course
 * items (sessions, assignments) written directly, since no view creates items yet.
 */
@Component
public class Classroom {

    public static final String PASSWORD = "quiet river lantern";

    private final AccountService accounts;
    private final CourseService courses;
    private final PlatformSql platform;
    private final TestAccounts testAccounts;

    Classroom(AccountService accounts, CourseService courses, PlatformSql platform, TestAccounts testAccounts) {
        this.accounts = accounts;
        this.courses = courses;
        this.platform = platform;
        this.testAccounts = testAccounts;
    }

    /** A teacher who signed up (so with a PERSONAL workspace), email verified and onboarded; signs in with {@link #PASSWORD}. */
    public SignedInUser teacher(String firstName, String lastName) {
        String email = "t-" + UUID.randomUUID() + "@example.com";
        UUID id = accounts.signUp(new SignUpForm(true, firstName, lastName, null, email, PASSWORD, true, Locale.ENGLISH), TestOrigins.fresh()).userId();
        testAccounts.completeOnboarding(email);
        UUID tenant = platform.value(TENANT_MEMBER.TENANT_ID, TENANT_MEMBER.USER_ID.eq(id));
        return new SignedInUser(id, email, firstName + " " + lastName, Set.of(Role.TEACHER), tenant, null);
    }

    /** A student, onboarded like {@link #teacher}. */
    public SignedInUser student(String firstName, String lastName) {
        String email = "s-" + UUID.randomUUID() + "@example.com";
        UUID id = accounts.signUp(new SignUpForm(false, firstName, lastName, null, email, PASSWORD, true, Locale.ENGLISH), TestOrigins.fresh()).userId();
        testAccounts.completeOnboarding(email);
        return new SignedInUser(id, email, firstName + " " + lastName, Set.of(Role.STUDENT), null, null);
    }

    public CourseSummary course(SignedInUser teacher, String title) {
        return courses.create(teacher, new CourseForm(title, "", null, null, Visibility.PRIVATE)).course();
    }

    public void enrol(SignedInUser student, CourseSummary course) {
        courses.join(student, course.joinCode());
    }

    public UUID session(SignedInUser teacher, CourseSummary course, String title, OffsetDateTime startsAt, int minutes, String meetingUrl) {
        UUID id = UUID.randomUUID();
        platform.call(sql -> sql.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, id).set(COURSE_ITEM.TENANT_ID, teacher.tenantId())
                .set(COURSE_ITEM.COURSE_ID, course.id()).set(COURSE_ITEM.KIND, "SESSION").set(COURSE_ITEM.TITLE, title)
                .set(COURSE_ITEM.STARTS_AT, startsAt).set(COURSE_ITEM.DURATION_MINUTES, minutes).set(COURSE_ITEM.MEETING_URL, meetingUrl)
                .set(COURSE_ITEM.CREATED_BY, teacher.id()).execute());
        return id;
    }

    public UUID assignment(SignedInUser teacher, CourseSummary course, String title, OffsetDateTime dueAt) {
        UUID id = UUID.randomUUID();
        platform.call(sql -> sql.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, id).set(COURSE_ITEM.TENANT_ID, teacher.tenantId())
                .set(COURSE_ITEM.COURSE_ID, course.id()).set(COURSE_ITEM.KIND, "ASSIGNMENT").set(COURSE_ITEM.TITLE, title)
                .set(COURSE_ITEM.DUE_AT, dueAt).set(COURSE_ITEM.POINTS_POSSIBLE, BigDecimal.TEN).set(COURSE_ITEM.GRADING_SCALE, "POINTS")
                .set(COURSE_ITEM.LATE_POLICY, "ACCEPT").set(COURSE_ITEM.CREATED_BY, teacher.id()).execute());
        return id;
    }
}
