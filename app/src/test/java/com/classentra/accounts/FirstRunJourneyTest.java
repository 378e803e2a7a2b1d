package com.classentra.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The very first visit, in a browser. Its own context: it needs a database without an administrator. */
@BrowserTest
@TestPropertySource(properties = "classentra.test.context=e2e-first-run")
class FirstRunJourneyTest {

    @Test
    void theSetupLinkCreatesTheAdministratorWhoSignsInAndFindsTheConsole(Journey journey) {
        String link = journey.bean(FirstRunSetup.class).setupLink();
        assertThat(link).as("setup link of a server without administrator").isNotNull();

        journey.open(link);
        assertThat(journey.heading("Welcome to Classentra")).isVisible();
        journey.fill("First name", "Ada")
                .fill("Last name", "Lovelace")
                .fill("Email", "ada@example.com")
                .fill("Password", "analytical engine notes")
                .fill("Repeat password", "analytical engine notes")
                .screenshot("1-setup-form");
        journey.click("Create administrator");

        journey.waitForPath("/login").see("Administrator account created. Sign in with it.").screenshot("2-sign-in-after-setup");
        journey.fill("Email", "ada@example.com").fill("Password", "analytical engine notes").click("Log in");

        journey.waitForPath("/admin");
        assertThat(journey.heading("Administration")).isVisible();
        journey.see("Ada Lovelace").screenshot("3-admin-dashboard");

        journey.navigation("Subprocessors & plugins").click();
        journey.waitForPath("/admin/subprocessors");
        Locator emailSlot = journey.page().locator("#slot-email");
        assertThat(emailSlot.getByRole(AriaRole.HEADING)).hasText("Email delivery");
        Locator status = emailSlot.locator(".slot-heading span[theme~='badge']");
        assertThat(status).hasText("Local mailbox · healthy");
        assertThat(status).hasAttribute("theme", Pattern.compile("\\bsuccess\\b"));
        journey.screenshot("4-subprocessors");

        journey.open(link);
        assertThat(journey.heading("This setup link is not valid")).isVisible();
        assertThat(journey.heading("Welcome to Classentra")).not().isAttached();
        journey.screenshot("5-setup-link-used");
    }
}
