package com.classentra.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The journeys: a teacher signs up and reaches the dashboard; a forgotten password is reset. */
@BrowserTest
class SignUpJourneyTest {

    private static final String PASSWORD = "quiet river lantern";

    private static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static void signUpAsTeacher(Journey journey, String email) {
        journey.open("/signup");
        journey.fill("First name", "Amélie").fill("Last name", "Tremblay").fill("Email", email).fill("Password", PASSWORD);
        journey.page().getByRole(AriaRole.CHECKBOX).first().check();
        // Journeys come from no known country, so under 16 is refused (it might be the EEA), said as soon as it is chosen.
        journey.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("13 to 15")).check();
        assertThat(journey.page().getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Your age")))
                .containsText("16 or older, so we cannot create one for you");
        journey.screenshot("sign-up-age-refused");
        journey.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("16 or older")).check();
        journey.screenshot("sign-up-form");
        journey.click("Create account");
        journey.waitForPath("/login");
    }

    @Test
    void aTeacherSignsUpConfirmsTheirEmailAnswersTheSurveyAndLandsOnTheDashboard(Journey journey) {
        String email = newEmail("teacher");
        signUpAsTeacher(journey, email);
        journey.see("Thank you. We sent an email to the address you gave: follow its link to confirm it, then sign in.");

        journey.signIn(email, PASSWORD);
        assertThat(journey.heading("Confirm your email address")).isVisible();
        journey.screenshot("confirm-email");

        String link = journey.mailbox().linkTo(email, "/verify-email?token=");
        journey.open(link);
        assertThat(journey.heading("Your email is confirmed")).isVisible();
        journey.click("Continue");

        assertThat(journey.heading("Welcome, Amélie Tremblay")).isVisible();
        journey.page().getByText("Run live classes").click();
        journey.page().getByText("My courses").click();
        journey.screenshot("survey");
        journey.click("Save and continue");

        assertThat(journey.heading("Teaching")).isVisible();
        // "My courses" was chosen in the survey: the courses card comes first.
        assertThat(journey.page().locator(".empty-state h2").first()).hasText("Your courses");
        journey.see("Amélie Tremblay").screenshot("teacher-dashboard");
    }

    @Test
    void aForgottenPasswordIsResetByEmailAndTheOldOneStopsWorking(Journey journey) {
        String email = newEmail("forgetful");
        signUpAsTeacher(journey, email);

        journey.open("/login");
        journey.page().getByText("Forgot your password?").click();
        assertThat(journey.heading("Forgot your password?")).isVisible();
        journey.fill("Email", email).click("Send reset link");
        journey.see("Check your inbox");

        String link = journey.mailbox().linkTo(email, "/reset-password?token=");
        journey.open(link);
        assertThat(journey.heading("Choose a new password")).isVisible();
        journey.fill("New password", "short").fill("Repeat the new password", "short").click("Save and sign out everywhere");
        journey.see("Use at least 12 characters; a few unrelated words work well");
        journey.fill("New password", "a fresh evening breeze").fill("Repeat the new password", "a fresh evening breeze")
                .click("Save and sign out everywhere");
        journey.waitForPath("/login");
        journey.see("Your password was changed and you were signed out everywhere. Sign in with the new password.");

        journey.open(link);
        assertThat(journey.heading("This link was already used")).isVisible();

        journey.signIn(email, PASSWORD);
        journey.waitForPath("/login");
        journey.see("Email or password is incorrect");
        journey.signIn(email, "a fresh evening breeze");
        // The reset link proved the address, so it is not asked for again: the next step is the welcome survey.
        assertThat(journey.heading("Welcome, Amélie Tremblay")).isVisible();
    }
}
