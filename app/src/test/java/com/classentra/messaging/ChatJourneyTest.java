package com.classentra.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.classentra.testsupport.TestFiles;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

/**
 * A teacher and two students in the course chat at the same time: what one types and writes shows on the others' open
 * pages without a reload; the teacher reacts; a mention marks the message for whom it names; a student writes to the
 * teacher directly with a PDF, the count beside the conversation changes live, the teacher replies and the student sees "Seen by".
 */
@BrowserTest
class ChatJourneyTest {

    private static Locator box(Journey browser) {
        return browser.page().getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your message"));
    }

    @Test
    void aTeacherAndTwoStudentsChatLive(Journey teacherBrowser) {
        Classrooms classrooms = teacherBrowser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Tess", "Moreau");
        CourseSummary course = classrooms.course(teacher, "Chamber music");
        SignedInUser ana = classrooms.student("Ana", "Alves");
        SignedInUser ben = classrooms.student("Ben", "Brook");
        classrooms.enrol(ana, course);
        classrooms.enrol(ben, course);
        String chat = "/courses/" + course.id() + "/chat";

        teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        teacherBrowser.open("/courses/" + course.id());
        teacherBrowser.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chat")).click();
        teacherBrowser.waitForPath(chat);
        teacherBrowser.see("No messages yet. Say hello.");

        try (Journey anaBrowser = teacherBrowser.anotherDevice(); Journey benBrowser = teacherBrowser.anotherDevice()) {
            anaBrowser.signIn(ana.email(), Classrooms.PASSWORD).waitForPath("/student");
            anaBrowser.open(chat);
            box(anaBrowser).fill("Is the rehearsal **tomorrow** at 6?");
            assertThat(teacherBrowser.page().locator(".chat-typing")).hasText("Ana Alves is typing…");
            anaBrowser.click("Send");
            assertThat(anaBrowser.page().locator(".chat-message")).containsText("Is the rehearsal tomorrow at 6?");

            // The teacher's open page shows it without a reload, and the typing line is gone.
            assertThat(teacherBrowser.page().locator(".chat-message")).containsText("Is the rehearsal tomorrow at 6?");
            assertThat(teacherBrowser.page().locator(".chat-body b")).hasText("tomorrow");
            assertThat(teacherBrowser.page().locator(".chat-typing")).hasText("");
            teacherBrowser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("React with thumbs up")).click();
            assertThat(anaBrowser.page().locator(".chat-actions").first()).containsText("👍 1");

            // Ben mentions Ana: her page marks the message as naming her.
            benBrowser.signIn(ben.email(), Classrooms.PASSWORD).waitForPath("/student");
            benBrowser.open(chat);
            box(benBrowser).fill("@Ana Alves I can bring the music stand");
            benBrowser.click("Send");
            assertThat(anaBrowser.page().locator(".chat-message.mentions-me")).containsText("I can bring the music stand");
            teacherBrowser.screenshotsEverywhere("1-course-channel");

            // Ana writes to the teacher directly; the count beside the conversation changes on the teacher's page.
            anaBrowser.page().getByLabel("Message someone of this course").fill("Tess");
            anaBrowser.page().locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Tess Moreau (teacher)")).click();
            assertThat(anaBrowser.page().locator(".chat-channel-title")).containsText("only the two of you read this");
            box(anaBrowser).fill("Can I miss Friday? My doctor's note is attached.");
            anaBrowser.click("Attach files");
            anaBrowser.page().locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("note.pdf", "application/pdf", TestFiles.PDF));
            assertThat(anaBrowser.page().locator("vaadin-upload-file").filter(new Locator.FilterOptions().setHasText("note.pdf"))
                    .locator("[part=done-icon]")).isVisible();
            anaBrowser.click("Send");
            Locator conversation = teacherBrowser.page().locator(".chat-channel").filter(new Locator.FilterOptions().setHasText("Ana Alves"));
            assertThat(conversation).containsText("1");
            conversation.click();
            teacherBrowser.page().waitForURL(java.util.regex.Pattern.compile(".*channel=.*"));
            assertThat(teacherBrowser.page().locator(".chat-message")).containsText("Can I miss Friday?");
            assertThat(teacherBrowser.page().locator(".chat-file")).containsText("note.pdf");
            assertThat(anaBrowser.page().locator(".chat-seen")).hasText("Seen by Tess Moreau");

            // The teacher answers the message itself.
            teacherBrowser.page().locator(".chat-message").filter(new Locator.FilterOptions().setHasText("Can I miss Friday?"))
                    .getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("More actions for this message")).click();
            teacherBrowser.page().getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Reply")).click();
            box(teacherBrowser).fill("Yes, send me a recording of the slow movement.");
            teacherBrowser.click("Send");
            assertThat(anaBrowser.page().locator(".chat-message.reply")).containsText("↪ Ana Alves: Can I miss Friday?");
            assertThat(anaBrowser.page().locator(".chat-message.reply")).containsText("send me a recording");
            anaBrowser.screenshotsEverywhere("2-direct-message-answered");
        }
    }
}
