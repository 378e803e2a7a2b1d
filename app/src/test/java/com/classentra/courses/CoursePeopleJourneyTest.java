package com.classentra.courses;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** Issue 11 item 4: a teacher removes a student from the course's people list; a student leaves, asked first, and the teacher is told. */
@BrowserTest
class CoursePeopleJourneyTest {

    @Test
    void theTeacherRemovesAStudentAndAnotherLeavesAfterConfirming(Journey teacherBrowser) {
        Classrooms classrooms = teacherBrowser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Rosa", "Lind");
        CourseSummary course = classrooms.course(teacher, "Choir");
        SignedInUser removed = classrooms.student("Ola", "Berg");
        SignedInUser leaving = classrooms.student("Kai", "Nyström");
        classrooms.enrol(removed, course);
        classrooms.enrol(leaving, course);

        teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        teacherBrowser.open("/courses/" + course.id());
        teacherBrowser.page().getByText("People").click();
        teacherBrowser.waitForPath("/courses/" + course.id() + "/people");
        teacherBrowser.see("2 students").see("Ola Berg").see("Kai Nyström").screenshotsEverywhere("people");

        teacherBrowser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Ola Berg")).click();
        teacherBrowser.see("Remove Ola Berg from Choir?").screenshot("remove-question");
        teacherBrowser.page().locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Remove").setExact(true)).click();
        teacherBrowser.see("Ola Berg was removed from Choir.");
        assertThat(teacherBrowser.page().locator(".people-list")).not().containsText("Ola Berg");

        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(leaving.email(), Classrooms.PASSWORD).waitForPath("/student");
            studentBrowser.open("/courses");
            studentBrowser.click("Leave");
            studentBrowser.see("Leave Choir?").screenshot("leave-question");
            studentBrowser.click("Leave the course");
            studentBrowser.see("You left Choir.");
        }
        // Both joins and the departure: the bell counts them without a reload.
        assertThat(teacherBrowser.page().locator(".notification-badge")).hasText("3");
        teacherBrowser.page().locator(".notification-bell vaadin-button").first().click();
        teacherBrowser.see("Kai Nyström left the course");
        teacherBrowser.page().reload();
        teacherBrowser.see("No students yet");
    }

    /**
     * Issue 11 item 3: invitations are personal. The teacher invites a removed student back and someone else, sees both
     * waiting, revokes one; the removed student comes back through their link, the revoked link and a link used by
     * someone it was not sent to lead nowhere.
     */
    @Test
    void theTeacherInvitesARemovedStudentBackAndRevokesAnotherInvitation(Journey teacherBrowser) {
        Classrooms classrooms = teacherBrowser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Rosa", "Lind");
        CourseSummary course = classrooms.course(teacher, "Choir");
        SignedInUser removed = classrooms.student("Ola", "Berg");
        SignedInUser bystander = classrooms.student("Kai", "Nyström");
        classrooms.enrol(removed, course);
        teacherBrowser.bean(CourseService.class).removeStudent(teacher, course.id(), removed.id());
        String stranger = "stranger-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        teacherBrowser.open("/courses/" + course.id() + "/people");
        teacherBrowser.click("Invite students");
        teacherBrowser.fill("Email addresses", removed.email() + "\n" + stranger).screenshot("invite-dialog");
        teacherBrowser.click("Send invitations");
        teacherBrowser.see("2 invitations are on the way.");
        teacherBrowser.see("Invited · 2").see(removed.email()).see(stranger).screenshotsEverywhere("invitations");

        teacherBrowser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation to " + stranger)).click();
        teacherBrowser.see("Revoke the invitation to " + stranger + "?");
        teacherBrowser.page().locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        teacherBrowser.see("The invitation to " + stranger + " was revoked.");
        teacherBrowser.see("Invited · 1");

        String comeBack = teacherBrowser.mailbox().linkTo(removed.email(), "/courses/invitations/");
        String revoked = teacherBrowser.mailbox().linkTo(stranger, "/courses/invitations/");
        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(removed.email(), Classrooms.PASSWORD).waitForPath("/student");
            studentBrowser.open(comeBack);
            assertThat(studentBrowser.heading("Join Choir by Rosa Lind?")).isVisible();
            studentBrowser.click("Join Choir");
            studentBrowser.waitForPath("/courses/" + course.id());
        }
        try (Journey bystanderBrowser = teacherBrowser.anotherDevice()) {
            bystanderBrowser.signIn(bystander.email(), Classrooms.PASSWORD).waitForPath("/student");
            bystanderBrowser.open(revoked);
            assertThat(bystanderBrowser.heading("This invitation was withdrawn")).isVisible();
            bystanderBrowser.screenshot("invitation-withdrawn");
            bystanderBrowser.open(comeBack);
            assertThat(bystanderBrowser.heading("This invitation is for s•••@example.com")).isVisible();
            assertThat(bystanderBrowser.page().locator("main")).not().containsText("Choir");
            bystanderBrowser.screenshotsEverywhere("invitation-for-someone-else");
        }
        teacherBrowser.page().reload();
        teacherBrowser.see("1 student").see("Ola Berg");
        assertThat(teacherBrowser.page().locator(".people-list")).not().containsText("Invited");
    }
}
