package com.classentra.courses;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.SignUpForm;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A teacher creates a course; a student joins it with the code the teacher shares. */
@BrowserTest
class CourseJourneyTest {

    @Test
    void aTeacherCreatesACourseAndAStudentJoinsWithItsCode(Journey teacherBrowser) {
        String email = "teacher-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        teacherBrowser.bean(AccountService.class).signUp(new SignUpForm(true, "Ines", "Rossi", null, email, "quiet river lantern", true,
                Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());
        teacherBrowser.bean(TestAccounts.class).completeOnboarding(email);

        teacherBrowser.signIn(email, "quiet river lantern").waitForPath("/teacher");
        teacherBrowser.navigation("Courses").click();
        teacherBrowser.click("New course");
        teacherBrowser.click("Save");
        teacherBrowser.see("Give the course a title");
        teacherBrowser.fill("Title", "Jazz piano, level 2").fill("Description", "Voicings and comping.\n\nBring headphones.");
        teacherBrowser.screenshot("new-course");
        teacherBrowser.click("Save");
        Locator row = teacherBrowser.page().locator("vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Jazz piano, level 2"));
        assertThat(row.first()).isVisible();
        var created = teacherBrowser.bean(CourseService.class).coursesOf(teacherBrowser.bean(TestAccounts.class).principal(email)).getFirst();
        String code = created.joinCode();
        teacherBrowser.see(code).screenshot("course-list");

        Account student = teacherBrowser.bean(TestAccounts.class).create(Role.STUDENT);
        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(student.email(), student.password()).waitForPath("/student");
            studentBrowser.navigation("Courses").click();
            studentBrowser.fill("Join code", "WRONG123").click("Join");
            studentBrowser.see("No course has this code. Check it with your teacher.");
            studentBrowser.fill("Join code", code.toLowerCase()).click("Join");
            studentBrowser.see("Welcome to Jazz piano, level 2.");
            assertThat(studentBrowser.page().locator("vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("Jazz piano, level 2")).first()).isVisible();
            studentBrowser.screenshot("student-courses");
        }

        // The other way in: a personal emailed invitation whose link enrols the signed-in student it was sent to.
        Account invitee = teacherBrowser.bean(TestAccounts.class).create(Role.STUDENT);
        teacherBrowser.button("Invite").first().click();
        teacherBrowser.fill("Email addresses", invitee.email() + ", nonsense").click("Send invitations");
        teacherBrowser.see("Not email addresses: nonsense.");
        String link = teacherBrowser.mailbox().linkTo(invitee.email(), "/courses/invitations/");
        try (Journey inviteeBrowser = teacherBrowser.anotherDevice()) {
            inviteeBrowser.signIn(invitee.email(), invitee.password()).waitForPath("/student");
            inviteeBrowser.open(link);
            assertThat(inviteeBrowser.heading("Join Jazz piano, level 2 by Ines Rossi?")).isVisible();
            inviteeBrowser.screenshotsEverywhere("join-question");
            inviteeBrowser.click("Join Jazz piano, level 2");
            inviteeBrowser.waitForPath("/courses/" + created.id());
            inviteeBrowser.see("Jazz piano, level 2");
            inviteeBrowser.screenshot("joined-by-invitation");
        }
    }

    /**
     * Issue 11 item 3: someone without an account opens an invitation, signs up, confirms their address and answers
     * the survey, and lands on the course's join question instead of an empty dashboard.
     */
    @Test
    void aNewcomerInvitedByEmailSignsUpAndLandsOnTheCourse(Journey newcomer) {
        var classrooms = newcomer.bean(com.classentra.testsupport.Classrooms.class);
        var teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Bossa nova guitar");
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        newcomer.bean(CourseInvitations.class).invite(teacher, course.id(), email);
        String link = newcomer.mailbox().linkTo(email, "/courses/invitations/");

        newcomer.open(link).waitForPath("/login");
        newcomer.page().getByText("Create an account").click();
        newcomer.waitForPath("/signup");
        newcomer.page().getByText("I learn").click();
        newcomer.fill("First name", "Luca").fill("Last name", "Moretti").fill("Email", email).fill("Password", "quiet river lantern");
        newcomer.page().getByRole(com.microsoft.playwright.options.AriaRole.CHECKBOX).first().check();
        newcomer.page().getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("16 or older")).check();
        newcomer.click("Create account").waitForPath("/login");
        newcomer.signIn(email, "quiet river lantern");
        assertThat(newcomer.heading("Confirm your email address")).isVisible();
        newcomer.open(newcomer.mailbox().linkTo(email, "/verify-email?token="));
        newcomer.click("Continue");
        assertThat(newcomer.heading("Welcome, Luca Moretti")).isVisible();
        newcomer.click("Save and continue");

        assertThat(newcomer.heading("Join Bossa nova guitar by Ines Rossi?")).isVisible();
        newcomer.click("Join Bossa nova guitar");
        newcomer.waitForPath("/courses/" + course.id());
        newcomer.see("Bossa nova guitar").screenshot("newcomer-in-the-course");
    }
}
