package com.classentra.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.FailingRequestController;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Error pages as people meet them: inside the shell, with the way back, at desktop and phone widths, light and dark. */
@BrowserTest
class ErrorPagesJourneyTest {

    private static Locator link(Journey journey, String name) {
        return journey.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aStudentWhoFollowsABrokenCourseLinkOrOpensTheConsoleIsToldSoInTheShellAndFindsTheWayBack(Journey journey) {
        Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);
        journey.signIn(student.email(), student.password()).waitForPath("/student");

        journey.open("/courses/" + UUID.randomUUID());
        assertThat(journey.heading("Page not found")).isVisible();
        journey.see("This course does not exist or you are not in it.");
        assertThat(journey.navigation("Courses")).isAttached();
        journey.screenshotsEverywhere("unknown-course");

        journey.open("/admin");
        assertThat(journey.heading("Not open to your account")).isVisible();
        journey.screenshotsEverywhere("forbidden");

        link(journey, "Go to your start page").click();
        journey.waitForPath("/student");
        assertThat(journey.heading("Learning")).isVisible();

        journey.open(FailingRequestController.PATH + "/" + UUID.randomUUID() + "?invite=journey");
        assertThat(journey.heading("Something went wrong")).isVisible();
        journey.screenshotsEverywhere("server-error");
        link(journey, "Go to your start page").click();
        journey.waitForPath("/student");
    }

    @Test
    void aVisitorAtAnUnknownAddressIsOfferedSignIn(Journey journey) {
        journey.open("/no-such-page");
        assertThat(journey.heading("Page not found")).isVisible();
        journey.see("There is no page at this address. Check the link, or find the page from the start page.");
        journey.screenshotsEverywhere("unknown-address-visitor");

        link(journey, "Sign in").last().click();
        journey.waitForPath("/login");
    }

    @Test
    void tooManyWrongPasswordsShowWhenToTryAgainAndTheSignInLink(Journey journey) {
        String email = "guess-" + UUID.randomUUID() + "@example.com";
        String address = TestOrigins.fresh().clientAddress();
        // Ten failures for one email from one address (the default limit), sent as a script would, from an address of
        // this test's own, so no other journey's sign-in counts against it.
        for (int i = 0; i < 10; i++) {
            journey.page().request().post(journey.baseUrl() + "/login", RequestOptions.create().setHeader("X-Forwarded-For", address)
                    .setForm(FormData.create().set("username", email).set("password", "guess " + i)));
        }
        journey.page().setExtraHTTPHeaders(Map.of("X-Forwarded-For", address));

        journey.signIn(email, "one more guess");
        assertThat(journey.heading("Too many requests")).isVisible();
        journey.screenshotsEverywhere("too-many-sign-ins");

        link(journey, "Email me a sign-in link").click();
        journey.waitForPath("/sign-in-link");
    }
}
