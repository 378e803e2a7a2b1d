package com.classentra.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A teacher and a student in the course chat at the same time: what one writes shows on the other's open page without
 * a reload; the teacher reacts; a direct message shows "Seen by" once read.
 */
@BrowserTest
class ChatJourneyTest {

    @Test
    void aTeacherAndAStudentChatLive(Journey teacherBrowser) {
        Classrooms classrooms = teacherBrowser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Tess", "Moreau");
        CourseSummary course = classrooms.course(teacher, "Chamber music");
        SignedInUser student = classrooms.student("Ana", "Alves");
        classrooms.enrol(student, course);
        String chat = "/courses/" + course.id() + "/chat";

        teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        teacherBrowser.open("/courses/" + course.id());
        teacherBrowser.page().getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Chat")).click();
        teacherBrowser.waitForPath(chat);
        teacherBrowser.see("No messages yet. Say hello.");

        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(student.email(), Classrooms.PASSWORD).waitForPath("/student");
            studentBrowser.open(chat);
            studentBrowser.page().getByLabel("Message").fill("Is the rehearsal **tomorrow** at 6?");
            studentBrowser.click("Send");
            assertThat(studentBrowser.page().locator(".chat-message")).containsText("Is the rehearsal tomorrow at 6?");

            // The teacher's open page shows it without a reload.
            assertThat(teacherBrowser.page().locator(".chat-message")).containsText("Is the rehearsal tomorrow at 6?");
            assertThat(teacherBrowser.page().locator(".chat-body b")).hasText("tomorrow");
            teacherBrowser.page().getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("React with thumbs up")).click();
            assertThat(studentBrowser.page().locator(".chat-actions")).containsText("👍 1");
            teacherBrowser.screenshotsEverywhere("1-course-channel");

            // A direct message: seen once the other person opens it.
            Channel direct = teacherBrowser.bean(MessagingService.class).direct(student, course.id(), teacher.id());
            studentBrowser.open(chat + "?channel=" + direct.id());
            studentBrowser.see("@ Tess Moreau · only the two of you read this");
            studentBrowser.page().getByLabel("Message").fill("Can I miss Friday?");
            studentBrowser.click("Send");
            assertThat(teacherBrowser.page().locator(".chat-channel").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ana Alves")))
                    .containsText("1");
            teacherBrowser.open(chat + "?channel=" + direct.id());
            teacherBrowser.see("Can I miss Friday?");
            assertThat(studentBrowser.page().locator(".chat-seen")).hasText("Seen by Tess Moreau");
            studentBrowser.screenshotsEverywhere("2-direct-message-seen");
        }
    }
}
