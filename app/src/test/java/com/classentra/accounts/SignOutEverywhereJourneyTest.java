package com.classentra.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import org.junit.jupiter.api.Test;

@BrowserTest
class SignOutEverywhereJourneyTest {

    @Test
    void signingOutEverywhereElseEndsTheSessionOnTheOtherDevice(Journey laptop) {
        Account teacher = laptop.bean(TestAccounts.class).create(Role.TEACHER);
        try (Journey phone = laptop.anotherDevice()) {
            phone.signIn(teacher.email(), teacher.password()).waitForPath("/teacher");
            laptop.signIn(teacher.email(), teacher.password()).waitForPath("/teacher");

            laptop.navigation("Settings").click();
            assertThat(laptop.heading("Active sessions")).isVisible();
            laptop.see("This session").screenshot("two-sessions");
            laptop.click("Sign out everywhere else");
            laptop.see("Signed out of 1 other session.");

            phone.open("/settings");
            phone.waitForPath("/login");
            laptop.open("/settings");
            assertThat(laptop.heading("Active sessions")).isVisible();
        }
    }

    /**
     * The newcomer's case: a session that has just answered the welcome survey keeps itself when it ends the others,
     * also once this node re-reads the revocation from the database (after the 2 s cache).
     */
    @Test
    void aSessionThatAnsweredTheSurveyStaysSignedInAfterEndingTheOthers(Journey laptop) {
        String email = "newcomer-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "quiet river lantern";
        laptop.open("/signup");
        laptop.fill("First name", "Nadia").fill("Last name", "Haddad").fill("Email", email).fill("Password", password);
        laptop.page().getByRole(com.microsoft.playwright.options.AriaRole.CHECKBOX).first().check();
        laptop.page().getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("16 or older")).check();
        laptop.click("Create account").waitForPath("/login");
        laptop.signIn(email, password);
        laptop.open(laptop.mailbox().linkTo(email, "/verify-email?token="));
        assertThat(laptop.heading("Your email is confirmed")).isVisible();
        laptop.click("Continue");
        assertThat(laptop.heading("Welcome, Nadia Haddad")).isVisible();
        laptop.click("Save and continue");
        assertThat(laptop.heading("Teaching")).isVisible();

        try (Journey phone = laptop.anotherDevice()) {
            phone.signIn(email, password).waitForPath("/teacher");
            laptop.navigation("Settings").click();
            assertThat(laptop.heading("Active sessions")).isVisible();
            laptop.click("Sign out everywhere else");
            laptop.see("Signed out of 1 other session.");
            // Every node learns of a revocation within 2 seconds (docs/operations.md): the phone asks after that.
            laptop.page().waitForTimeout(2_500);

            phone.open("/settings");
            phone.waitForPath("/login");
            laptop.open("/settings");
            assertThat(laptop.heading("Active sessions")).isVisible();
            laptop.open("/teacher");
            assertThat(laptop.heading("Teaching")).isVisible();
        }
    }
}
