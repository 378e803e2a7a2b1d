package com.classentra.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

@BrowserTest
class SignInJourneyTest {

    @Test
    void aWrongPasswordShowsTheSignInErrorAndStaysOnSignIn(Journey journey) {
        Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);

        journey.signIn(student.email(), student.password() + " but wrong");

        journey.waitForPath("/login");
        assertThat(journey.page().url()).contains("error");
        journey.see("Email or password is incorrect").screenshot("wrong-password");
        assertThat(journey.heading("Learning")).not().isAttached();
    }

    @Test
    void theRightPasswordOpensTheDashboardOfTheRole(Journey journey) {
        Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);

        journey.signIn(student.email(), student.password());

        journey.waitForPath("/student");
        assertThat(journey.heading("Learning")).isVisible();
        journey.see("Test Person").screenshot("student-dashboard");
    }

    @Test
    void aSignInLinkByEmailSignsInOnlyWhenItsButtonIsPressedAndOnlyOnce(Journey journey) {
        Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);

        journey.open("/login").screenshot("login-offers-link");
        journey.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Email me a sign-in link").setExact(true)).click();
        assertThat(journey.heading("Sign in with a link")).isVisible();
        journey.screenshot("link-request");
        journey.fill("Email", student.email()).click("Email me a sign-in link");
        journey.see("Check your inbox");

        String link = journey.mailbox().linkTo(student.email(), "/login/link?token=");
        journey.open(link);
        assertThat(journey.heading("Sign in to Classentra")).isVisible();
        journey.see("This link signs you in as " + student.email() + ". It works once.").screenshot("link-page");
        journey.page().setViewportSize(390, 844);
        journey.screenshot("link-page-phone");
        journey.page().setViewportSize(1280, 800);
        assertThat(journey.path()).as("opening the link signed nobody in").isEqualTo("/login/link");

        journey.click("Sign in");
        journey.waitForPath("/student");
        assertThat(journey.heading("Learning")).isVisible();

        Journey again = journey.anotherDevice();
        again.open(link);
        assertThat(again.heading("This link was already used")).isVisible();
        again.screenshot("link-used");
        again.close();
    }
}
