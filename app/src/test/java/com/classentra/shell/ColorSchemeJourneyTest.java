package com.classentra.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

@BrowserTest
class ColorSchemeJourneyTest {

    @Test
    void theNavbarButtonSwitchesBetweenDarkAndLight(Journey journey) {
        Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);
        journey.signIn(student.email(), student.password()).waitForPath("/student");
        Locator html = journey.page().locator("html");
        String lightBackground = background(journey);

        journey.click("Switch between light and dark");
        assertThat(html).hasAttribute("theme", "dark");
        journey.screenshot("dark");
        assertThat(background(journey)).as("page background in dark mode").isNotEqualTo(lightBackground);

        journey.click("Switch between light and dark");
        assertThat(html).hasAttribute("theme", "light");
        journey.screenshot("light");
        assertThat(background(journey)).isEqualTo(lightBackground);
    }

    private static String background(Journey journey) {
        return (String) journey.page().evaluate("() => getComputedStyle(document.body).backgroundColor");
    }
}
