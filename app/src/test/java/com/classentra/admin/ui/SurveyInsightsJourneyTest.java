package com.classentra.admin.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.accounts.OnboardingSurvey;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 7: the administrator reads the survey in aggregate; a small group shows no figures. */
@BrowserTest
class SurveyInsightsJourneyTest {

    @Test
    void theAdministratorSeesSharesOfLargeGroupsOnly(Journey journey) {
        Classrooms classrooms = journey.bean(Classrooms.class);
        OnboardingSurvey survey = journey.bean(OnboardingSurvey.class);
        for (int i = 0; i < 10; i++) {
            survey.submit(classrooms.student("Insight", "Learner" + i), Map.of("learning_goals", List.of(i % 3 == 0 ? "Learning a new skill" : "Preparing for an exam")));
        }
        TestAccounts.Account admin = journey.bean(TestAccounts.class).create(Role.ADMIN);
        journey.signIn(admin.email(), admin.password()).waitForPath("/admin");
        journey.open("/admin/survey-insights");
        journey.see("Survey insights");
        assertThat(journey.page().locator(".insight-card").first()).isVisible();
        journey.screenshotsEverywhere("survey-insights");
    }
}
