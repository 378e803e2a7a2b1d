package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.courses.CourseForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Teachers with their own workspace, students, and courses they are enrolled in, for classroom tests. */
@Component
public class Classrooms {

    private final TestAccounts accounts;
    private final PlatformSql platform;
    private final CourseService courses;

    Classrooms(TestAccounts accounts, PlatformSql platform, CourseService courses) {
        this.accounts = accounts;
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
        courses.join(student, course.joinCode());
    }
}
