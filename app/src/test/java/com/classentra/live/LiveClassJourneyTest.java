package com.classentra.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A session held in a room here, on a LiveKit peer that also serves a stand-in web client: the teacher sees how the
 * room is set in the session's form, the student joins from the course page, and the room page shows the client.
 */
@BrowserTest
class LiveClassJourneyTest {

    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().globalTemplating(true)).build();

    @Autowired
    PlatformSql platform;

    @AfterEach
    void backToDefaults() {
        platform.resetPluginSlots();
    }

    @Test
    void aStudentJoinsTheRoomOfASessionFromTheCoursePage(Journey browser) throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"RM_1\",\"name\":\"{{jsonPath request.body '$.name'}}\"}")));
        livekit.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/custom")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<!doctype html><body style=\"margin:0;font:16px sans-serif;background:#111;color:#eee;"
                        + "display:grid;place-items:center;height:100vh\"><p>Video client (test stand-in)</p></body>")));
        LiveRoomsFixture rooms = browser.bean(LiveRoomsFixture.class);
        // The application's own strategy: the JVM-wide one is whichever application context started last.
        SecurityContextHolderStrategy contexts = browser.bean(SecurityContextHolderStrategy.class);
        contexts.setContext(new SecurityContextImpl(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN")));
        try {
            rooms.onLiveKit(livekit, "APIjourney01", "the-journey-secret-of-livekit-000000000", Map.of("clientUrl", livekit.baseUrl() + "/custom"));
        } finally {
            contexts.clearContext();
        }
        Classrooms classrooms = browser.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Nora", "Quartet");
        CourseSummary course = classrooms.course(teacher, "String quartet");
        SignedInUser student = classrooms.student("Emil", "Viola");
        classrooms.enrol(student, course);
        ItemForm form = new ItemForm(ItemKind.SESSION, "Rehearsal: Haydn op. 76", "<p>Bring the second movement.</p>", true, null, null, null,
                null, null, Instant.now().plus(5, ChronoUnit.MINUTES), 60, null, null, new RoomSettings(false, 60, 5));
        UUID session = browser.bean(ClassworkService.class).save(teacher, course.id(), null, form, List.of()).item().id();
        rooms.makeDue();

        browser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        browser.open("/courses/" + course.id());
        browser.page().locator(".item-card").filter(new Locator.FilterOptions().setHasText("Rehearsal")).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Edit")).click();
        assertThat(browser.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("In a room here, in Classentra"))).isChecked();
        assertThat(browser.field("Present after (% of the session)")).hasValue("60");
        browser.screenshotsEverywhere("1-session-form-room");

        Journey studentBrowser = browser.anotherDevice();
        studentBrowser.signIn(student.email(), Classrooms.PASSWORD).waitForPath("/student");
        studentBrowser.open("/courses/" + course.id());
        Locator join = studentBrowser.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join the room"));
        assertThat(join).isVisible();
        studentBrowser.screenshotsEverywhere("2-course-join");
        join.click();
        studentBrowser.waitForPath("/" + LiveRooms.roomPath(course.id(), session));
        assertThat(studentBrowser.page().frameLocator("iframe.live-room-client").getByText("Video client (test stand-in)")).isVisible();
        studentBrowser.screenshotsEverywhere("3-room");
    }
}
