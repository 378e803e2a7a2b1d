package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
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
 * Teachers with their own workspace, students, courses they are enrolled in, and course items written directly,
 * for classroom tests.
 */
@Component
public class Classrooms {

    /** The password of the accounts made by {@link #teacher(String, String)} and {@link #student(String, String)}. */
    public static final String PASSWORD = "quiet river lantern";

    private final TestAccounts accounts;
    private final PlatformSql platform;
    private final CourseService courses;
    private final AccountService signUps;

    Classrooms(TestAccounts accounts, PlatformSql platform, CourseService courses, AccountService signUps) {
        this.accounts = accounts;
        this.signUps = signUps;
        this.platform = platform;
        this.courses = courses;
    }

    /** A teacher who owns a personal workspace. */
    public SignedInUser teacher() {
        return accounts.principal(teacherAccount().email());
    }

    /** A teacher who owns a personal workspace, with the password to sign in through the browser. */
    public TestAccounts.Account teacherAccount() {
        TestAccounts.Account account = accounts.create(Role.TEACHER);
        UUID tenant = UUID.randomUUID();
        platform.call(sql -> {
            sql.insertInto(TENANT).set(TENANT.ID, tenant).set(TENANT.KIND, "PERSONAL").set(TENANT.NAME, "Studio " + tenant).execute();
            return sql.insertInto(TENANT_MEMBER).set(TENANT_MEMBER.TENANT_ID, tenant).set(TENANT_MEMBER.USER_ID, account.id())
                    .set(TENANT_MEMBER.ROLE, "OWNER").execute();
        });
        return account;
    }

    public SignedInUser student() {
        return accounts.principal(accounts.create(Role.STUDENT).email());
    }

    public CourseSummary course(SignedInUser teacher, String title) {
        return courses.create(teacher, new CourseForm(title, "", null, null, Visibility.PRIVATE)).course();
    }

    public void enrol(SignedInUser student, CourseSummary course) {
        courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());
    }

    /** A teacher who signed up (so with a PERSONAL workspace), email verified and onboarded; signs in with {@link #PASSWORD}. */
    public SignedInUser teacher(String firstName, String lastName) {
        String email = "t-" + UUID.randomUUID() + "@example.com";
        UUID id = signUps.signUp(new SignUpForm(true, firstName, lastName, null, email, PASSWORD, true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        accounts.completeOnboarding(email);
        UUID tenant = platform.value(TENANT_MEMBER.TENANT_ID, TENANT_MEMBER.USER_ID.eq(id));
        return new SignedInUser(id, email, firstName + " " + lastName, Set.of(Role.TEACHER), tenant, null);
    }

    /** A student, onboarded like {@link #teacher}. */
    public SignedInUser student(String firstName, String lastName) {
        String email = "s-" + UUID.randomUUID() + "@example.com";
        UUID id = signUps.signUp(new SignUpForm(false, firstName, lastName, null, email, PASSWORD, true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        accounts.completeOnboarding(email);
        return new SignedInUser(id, email, firstName + " " + lastName, Set.of(Role.STUDENT), null, null);
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
