package com.classentra.legal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** A visitor reads the privacy policy and the subprocessor list, and finds the way to sign in from both. */
@BrowserTest
class LegalPagesJourneyTest {

    @Test
    void aVisitorReadsThePrivacyPolicyAndTheSubprocessorsUnderTheAppHeader(Journey journey) {
        journey.open("/legal/privacy");
        assertThat(journey.heading("Privacy Policy")).isVisible();
        // In the browser's locale, as every date: "Effective Dec 2, 2026" in Chromium's en-US.
        assertThat(journey.page().getByText(java.util.regex.Pattern.compile("^Effective .*2026$"))).isVisible();
        assertThat(journey.heading("Data We Collect")).isVisible();
        assertThat(journey.page().getByText("Ask AI to explain")).hasCount(0);
        assertThat(header(journey).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Classentra"))).isVisible();
        journey.screenshotsEverywhere("privacy");

        journey.heading("From account creation and sign-in").evaluate("heading => heading.scrollIntoView({block: 'center'})");
        assertThat(header(journey)).isInViewport();
        assertThat((Boolean) journey.page().evaluate("() => document.body.offsetHeight >= document.documentElement.scrollHeight"))
                .as("the page background reaches the end of the document").isTrue();
        journey.screenshot("privacy-lists");
        journey.page().setViewportSize(390, 844);
        journey.page().locator(".legal-meta").scrollIntoViewIfNeeded();
        journey.screenshot("privacy-end-phone");
        journey.page().setViewportSize(1280, 800);

        journey.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("classentra.com/subprocessors")).click();
        journey.waitForPath("/subprocessors");
        assertThat(journey.heading("Subprocessors")).isVisible();
        assertThat(header(journey)).isVisible();
        journey.screenshotsEverywhere("subprocessors");

        header(journey).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")).click();
        journey.waitForPath("/login");
    }

    private static Locator header(Journey journey) {
        return journey.page().locator("header.public-header");
    }
}
