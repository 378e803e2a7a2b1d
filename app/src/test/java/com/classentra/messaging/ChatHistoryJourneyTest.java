package com.classentra.messaging;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.db.jooq.Tables;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A long history, read backwards: the channel opens on its latest page, and scrolling up loads the pages before it, page
 * by page, until the first message; a message arriving meanwhile keeps what was loaded. The dashboard shows the
 * conversations with unread messages and their counts, and changes as a new one comes in.
 */
@BrowserTest
class ChatHistoryJourneyTest {

    @Test
    void scrollingUpLoadsEarlierPagesAndTheDashboardCountsWhatIsUnread(Journey browser) {
        Classrooms classrooms = browser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Tess", "Moreau");
        CourseSummary course = classrooms.course(teacher, "Music history");
        SignedInUser ana = classrooms.student("Ana", "Alves");
        classrooms.enrol(ana, course);
        MessagingService messaging = browser.bean(MessagingService.class);
        ChatChannels channels = browser.bean(ChatChannels.class);
        Channel general = channels.courseChannel(teacher, course.id());
        // 120 messages of the teacher's, written at once (the per-person posting limit is for people, not for this).
        browser.bean(PlatformSql.class).call(sql -> sql.insertInto(Tables.MESSAGE, Tables.MESSAGE.TENANT_ID, Tables.MESSAGE.CHANNEL_ID,
                        Tables.MESSAGE.AUTHOR_ID, Tables.MESSAGE.BODY_HTML, Tables.MESSAGE.BODY_TEXT)
                .select(DSL.select(DSL.val(general.tenantId()), DSL.val(general.id()), DSL.val(teacher.id()),
                                DSL.concat(DSL.inline("<p>Lecture note "), DSL.field("n", String.class), DSL.inline("</p>")),
                                DSL.concat(DSL.inline("Lecture note "), DSL.field("n", String.class)))
                        .from(DSL.table("generate_series(1, 120) n")))
                .execute());

        browser.signIn(ana.email(), Classrooms.PASSWORD).waitForPath("/student");
        Locator card = browser.page().locator(".dashboard-card").filter(new Locator.FilterOptions().setHasText("Unread messages"));
        assertThat(card).containsText("# General");
        assertThat(card).containsText("Music history");
        assertThat(card.locator(".entry-tag")).hasText("99+ unread");
        browser.screenshotsEverywhere("1-dashboard-unread");

        browser.open("/courses/" + course.id() + "/chat");
        Locator messages = browser.page().locator(".chat-message");
        assertThat(messages).hasCount(MessagingService.PAGE);
        assertThat(messages.last()).containsText("Lecture note 120");
        assertThat(messages.first()).containsText("Lecture note 71");

        Locator list = browser.page().locator(".chat-messages");
        // It opens at its end.
        assertThat(messages.last()).isInViewport();
        list.evaluate("list => list.scrollTop = 0");
        assertThat(messages).hasCount(2 * MessagingService.PAGE);
        assertThat(messages.first()).containsText("Lecture note 21");
        // The message that was first stays in view.
        assertThat(messages.nth(MessagingService.PAGE)).isInViewport();
        browser.screenshotsEverywhere("2-earlier-pages");

        // A message arriving now comes in at the end and keeps the pages read back.
        messaging.post(teacher, general.id(), "<p>One more thing: bring the score</p>", null);
        assertThat(messages.last()).containsText("One more thing");
        assertThat(messages).hasCount(2 * MessagingService.PAGE + 1);

        list.evaluate("list => list.scrollTop = 0");
        assertThat(messages).hasCount(121);
        assertThat(messages.first()).containsText("Lecture note 1");
        assertThat(browser.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show earlier messages"))).isHidden();

        // Back on the dashboard, everything is read; a direct message comes in while it is open.
        browser.open("/student");
        assertThat(browser.page().locator(".empty-state").filter(new Locator.FilterOptions().setHasText("Unread messages")))
                .containsText("Nothing unread");
        messaging.post(teacher, channels.direct(teacher, course.id(), ana.id()).id(), "<p>Can you turn pages for me on Friday?</p>", null);
        assertThat(card).containsText("Tess Moreau");
        assertThat(card.locator(".entry-tag")).hasText("1 unread");
    }
}
