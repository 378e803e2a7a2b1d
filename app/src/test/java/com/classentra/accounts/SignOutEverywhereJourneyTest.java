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
            laptop.see("Signed out of 1 other session(s).");

            phone.open("/settings");
            phone.waitForPath("/login");
            laptop.open("/settings");
            assertThat(laptop.heading("Active sessions")).isVisible();
        }
    }
}
