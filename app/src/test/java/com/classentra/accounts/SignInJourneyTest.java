package com.classentra.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
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
}
