package com.classentra.classwork;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 15: a new teacher's dashboard leads to their first course, the course page has Invite and People,
 * and the stream shows what each post says, not only announcements.
 */
@BrowserTest
class FirstStepsJourneyTest {

    @Test
    void aNewTeacherCreatesTheirFirstCourseFromTheDashboardAndTheStreamShowsWhatEachPostSays(Journey journey) {
        SignedInUser teacher = journey.bean(Classrooms.class).teacher("Noor", "Aziz");
        journey.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        journey.screenshotsEverywhere("new-teacher-dashboard");

        journey.page().getByText("Create your first course").click();
        journey.waitForPath("/courses");
        assertThat(journey.heading("New course")).isVisible();
        journey.fill("Title", "Oud for beginners").click("Save");
        journey.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Oud for beginners")).click();
        assertThat(journey.heading("Oud for beginners")).isVisible();

        assertThat(journey.button("Invite")).isVisible();
        assertThat(journey.page().getByText("People").first()).isVisible();
        post(journey, "Material", "Maqam scales", "Start with Rast: C D E-half-flat F G A B-half-flat C.");
        post(journey, "Assignment", "Record a taqsim", "Play two minutes in Rast and upload the recording.");
        Locator stream = journey.page().locator(".item-stream");
        assertThat(stream).containsText("Start with Rast");
        assertThat(stream).containsText("Play two minutes in Rast");
        journey.screenshotsEverywhere("stream-with-texts");
    }

    private static void post(Journey journey, String kind, String title, String text) {
        journey.page().locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText("Post")).click();
        journey.page().locator("vaadin-menu-bar-item").filter(new Locator.FilterOptions().setHasText(kind)).click();
        journey.fill("Title", title).fill(kind.equals("Assignment") ? "Instructions" : "Text", text);
        journey.click("Post");
        journey.see(title);
    }
}
