package com.classentra.classwork;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestFiles;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The classroom loop: a teacher posts an assignment and invites a student; the student joins from the email,
 * turns in a file; the teacher grades and returns it; the student is notified and sees the grade.
 */
@BrowserTest
class ClassroomJourneyTest {

    @Test
    void assignTurnInGradeAndSeeTheGrade(Journey teacherBrowser) throws Exception {
        SignedInUser teacher = teacherBrowser.bean(Classrooms.class).teacher();
        CourseSummary course = teacherBrowser.bean(Classrooms.class).course(teacher, "Harmony 101");
        Account teacherAccount = new Account(teacher.id(), teacher.email(), null);
        String password = resetPassword(teacherBrowser, teacherAccount);

        teacherBrowser.signIn(teacher.email(), password).waitForPath("/teacher");
        teacherBrowser.open("/courses/" + course.id());
        teacherBrowser.see("Nothing posted yet. Use “Post…” to add an announcement, material, assignment or session.");
        teacherBrowser.page().locator("vaadin-menu-bar-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Post")).click();
        teacherBrowser.page().locator("vaadin-menu-bar-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Assignment")).click();
        teacherBrowser.click("Post");
        teacherBrowser.see("Give it a title");
        teacherBrowser.fill("Title", "Four-part chorale").fill("Instructions", "Harmonise the melody in four parts.");
        teacherBrowser.page().locator("vaadin-big-decimal-field input").fill("20");
        teacherBrowser.screenshot("new-assignment");
        teacherBrowser.click("Post");
        teacherBrowser.see("Four-part chorale");
        assertThat(teacherBrowser.page().locator(".item-facts").first()).containsText("20 points");
        teacherBrowser.screenshot("course-stream");

        Account student = teacherBrowser.bean(TestAccounts.class).create(Role.STUDENT);
        teacherBrowser.bean(CourseInvitations.class).invite(teacher, course.id(), student.email());
        String invitation = teacherBrowser.mailbox().linkTo(student.email(), "/courses/invitations/");

        Path work = Files.createTempFile("chorale", ".pdf");
        Files.write(work, TestFiles.PDF);
        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(student.email(), student.password()).waitForPath("/student");
            studentBrowser.open(invitation);
            studentBrowser.click("Join Harmony 101");
            studentBrowser.waitForPath("/courses/" + course.id());
            studentBrowser.page().getByText("Four-part chorale").first().click();
            studentBrowser.see("Assigned");
            studentBrowser.fill("Your answer", "Chorale attached.");
            studentBrowser.page().locator("vaadin-upload input[type=file]").setInputFiles(work);
            assertThat(studentBrowser.page().locator("vaadin-upload-file").first()).containsText("chorale");
            studentBrowser.page().waitForTimeout(500);
            studentBrowser.click("Turn in");
            studentBrowser.see("Turned in");
            assertThat(studentBrowser.page().locator("vaadin-details").first()).containsText("Version 1");
            studentBrowser.screenshot("turned-in");
            // The file link checks the student's rights and redirects to a signed link that serves the very bytes.
            String href = studentBrowser.page().locator(".attachment a").first().getAttribute("href");
            var redirect = studentBrowser.page().request().get(studentBrowser.baseUrl() + href,
                    com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
            org.assertj.core.api.Assertions.assertThat(redirect.status()).as(href + " " + redirect.text()).isEqualTo(302);
            var download = studentBrowser.page().request().get(studentBrowser.baseUrl() + redirect.headers().get("location"));
            org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(download.body()).isEqualTo(TestFiles.PDF);

            teacherBrowser.page().getByText("Four-part chorale").first().click();
            teacherBrowser.page().locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Test Person")).first().click();
            teacherBrowser.see("Chorale attached.");
            teacherBrowser.field("Points (out of 20)").fill("18");
            teacherBrowser.fill("Feedback", "Lovely voice leading.");
            teacherBrowser.screenshot("grading");
            teacherBrowser.click("Save grade");
            teacherBrowser.see("18 / 20");

            // The returned grade reaches the student's open page as a notification, without a reload.
            assertThat(studentBrowser.page().locator(".notification-badge")).hasText("1");
            studentBrowser.page().locator(".notification-bell vaadin-button").first().click();
            studentBrowser.see("Graded: Four-part chorale").screenshot("notification");
            studentBrowser.page().getByText("Graded: Four-part chorale").click();
            studentBrowser.see("Grade: 18 / 20").see("Lovely voice leading.").screenshot("graded");
            assertThat(studentBrowser.page().locator(".your-work [theme~=badge]").first()).hasText("Returned");
            studentBrowser.open("/courses/" + course.id() + "/grades");
            studentBrowser.see("18 / 20");
        }
        teacherBrowser.page().reload();
        assertThat(teacherBrowser.page().locator(".roster [theme~=badge]").first()).hasText("Returned");
        teacherBrowser.open("/courses/" + course.id() + "/grades");
        teacherBrowser.see("Export CSV").see("18 / 20").screenshot("gradebook");
        teacherBrowser.page().setViewportSize(390, 844);
        teacherBrowser.open("/courses/" + course.id());
        teacherBrowser.screenshot("course-stream-phone");
        teacherBrowser.click("Switch between light and dark");
        teacherBrowser.screenshot("course-stream-phone-dark");
        teacherBrowser.page().setViewportSize(1280, 800);
        teacherBrowser.page().getByText("Four-part chorale").first().click();
        teacherBrowser.see("Students' work").screenshot("assignment-teacher-dark");
    }

    /** Classrooms makes accounts without a known password; give this one a password to type. */
    private static String resetPassword(Journey browser, Account account) {
        String password = "a long journey password";
        String hash = browser.bean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(password);
        browser.bean(com.classentra.testsupport.PlatformSql.class).call(sql -> sql.update(com.classentra.db.jooq.Tables.APP_USER)
                .set(com.classentra.db.jooq.Tables.APP_USER.PASSWORD_HASH, hash).where(com.classentra.db.jooq.Tables.APP_USER.ID.eq(account.id())).execute());
        return password;
    }
}
