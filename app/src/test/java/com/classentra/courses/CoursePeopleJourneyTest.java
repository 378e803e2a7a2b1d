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
}
