package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;
import static com.classentra.db.jooq.Tables.GRADE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a student deletes their account from Settings, is offered to keep it when they sign in during the cool-off,
 * and once it is erased can no longer sign in, while the teacher's gradebook and course no longer show their name.
 */
@BrowserTest
class AccountDeletionJourneyTest {

    @Test
    void aStudentDeletesTheirAccountAndTheTeacherNoLongerSeesThem(Journey student) {
        Classrooms classrooms = student.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Counterpoint");
        SignedInUser learner = classrooms.student("Zephyr", "Quill");
        classrooms.enrol(learner, course);
        UUID assignment = classrooms.assignment(teacher, course, "Two-part invention", OffsetDateTime.now().plusDays(2));
        student.bean(PlatformSql.class).call(sql -> sql.insertInto(GRADE).set(GRADE.TENANT_ID, teacher.tenantId()).set(GRADE.COURSE_ID, course.id())
                .set(GRADE.ASSIGNMENT_ID, assignment).set(GRADE.STUDENT_ID, learner.id()).set(GRADE.POINTS, BigDecimal.valueOf(9))
                .set(GRADE.GRADED_BY, teacher.id()).execute());

        try (Journey teacherBrowser = student.anotherDevice()) {
            teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
            teacherBrowser.open("/courses/" + course.id() + "/grades");
            teacherBrowser.see("Zephyr Quill");
        }

        student.signIn(learner.email(), Classrooms.PASSWORD).waitForPath("/student");
        student.open("/settings");
        Locator heading = student.page().locator("h2", new Page.LocatorOptions().setHasText("Delete account"));
        heading.scrollIntoViewIfNeeded();
        student.screenshotsEverywhere("delete-account");
        student.click("Delete my account…");
        student.fill("Your password", "not my password").fill("Type DELETE to confirm", "DELETE");
        dialogButton(student).click();
        student.see("That is not your password.").screenshot("delete-account-dialog");
        student.fill("Your password", Classrooms.PASSWORD);
        dialogButton(student).click();
        student.waitForPath("/login");

        // Signing in during the cool-off leads to the question, and keeping the account is one click.
        student.signIn(learner.email(), Classrooms.PASSWORD).waitForPath("/account/deletion-scheduled");
        PlaywrightAssertions.assertThat(student.page().getByRole(AriaRole.HEADING)).containsText("Your account will be deleted on");
        student.screenshotsEverywhere("deletion-scheduled");
        student.open("/courses").waitForPath("/account/deletion-scheduled");
        student.click("Keep my account").waitForPath("/student");
        student.see("Your account stays. We sent you an email to confirm.");

        // Asked again, and this time the week passes.
        student.open("/settings");
        student.click("Delete my account…");
        student.fill("Your password", Classrooms.PASSWORD).fill("Type DELETE to confirm", "DELETE");
        dialogButton(student).click();
        student.waitForPath("/login");
        student.bean(PlatformSql.class).call(sql -> sql.update(ACCOUNT_DELETION).set(ACCOUNT_DELETION.RUNS_AFTER, OffsetDateTime.now().minusMinutes(1))
                .where(ACCOUNT_DELETION.USER_ID.eq(learner.id()), ACCOUNT_DELETION.STATUS.eq("REQUESTED")).execute());
        assertThat(student.bean(AccountDeletionPipeline.class).runDue(OffsetDateTime.now())).isEqualTo(1);

        student.signIn(learner.email(), Classrooms.PASSWORD);
        student.page().waitForURL(url -> url.contains("/login?error"));
        student.see("Email or password is incorrect");

        try (Journey teacherBrowser = student.anotherDevice()) {
            teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
            teacherBrowser.open("/courses/" + course.id() + "/grades");
            PlaywrightAssertions.assertThat(teacherBrowser.page().locator("main")).not().containsText("Zephyr");
            teacherBrowser.open("/courses/" + course.id());
            PlaywrightAssertions.assertThat(teacherBrowser.page().locator("body")).not().containsText("Zephyr");
            teacherBrowser.page().locator(".notification-bell vaadin-button").first().click();
            PlaywrightAssertions.assertThat(teacherBrowser.page().locator("body")).not().containsText("Zephyr Quill joined");
            teacherBrowser.screenshot("teacher-after-deletion");
        }
    }

    private static Locator dialogButton(Journey journey) {
        return journey.page().locator("vaadin-dialog-overlay, vaadin-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete my account").setExact(true));
    }
}
