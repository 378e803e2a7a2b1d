package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.PlatformSql;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClassentraTest
class OnboardingSurveyTest {

    @Autowired
    OnboardingSurvey survey;
    @Autowired
    AccountService accounts;
    @Autowired
    PlatformSql platform;

    private UUID newStudent() {
        return accounts.signUp(new SignUpForm(false, "Sam", "Lee", null, "survey-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH), TestOrigins.fresh()).userId();
    }

    @Test
    void answersAreStoredAndChooseTheDashboardAndAssistantTone() {
        UUID id = newStudent();
        survey.submit(id, Map.of("goals", List.of("Learn", "Run live classes"), "dashboard", List.of("My courses"), "tone", List.of("Concise")));

        var user = platform.call(sql -> sql.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle());
        assertThat(user.getDashboardView()).isEqualTo("COURSES");
        assertThat(user.getAssistantTone()).isEqualTo("CONCISE");
        assertThat(user.getOnboardingDoneAt()).isNotNull();
        String stored = platform.call(sql -> sql.select(SURVEY_RESPONSE.ANSWERS).from(SURVEY_RESPONSE).where(SURVEY_RESPONSE.USER_ID.eq(id))
                .fetchSingle(SURVEY_RESPONSE.ANSWERS)).data();
        assertThat(stored).contains("Run live classes");
    }

    @Test
    void answersOutsideTheOptionsAreRefusedAndSkippingStoresNothing() {
        UUID id = newStudent();
        assertThatThrownBy(() -> survey.submit(id, Map.of("budget", List.of("A million")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.submit(id, Map.of("audience", List.of("Children", "Mixed")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.submit(id, Map.of("salary", List.of("x")))).isInstanceOf(IllegalArgumentException.class);

        survey.skip(id);
        assertThat(platform.count(SURVEY_RESPONSE, SURVEY_RESPONSE.USER_ID.eq(id))).isZero();
        assertThat(platform.value(APP_USER.ONBOARDING_DONE_AT, APP_USER.ID.eq(id))).isNotNull();
    }

    @Test
    void answersOlderThanFiveYearsAreDeletedWhileNewerOnesStay() {
        UUID old = newStudent();
        UUID recent = newStudent();
        survey.submit(old, Map.of("audience", List.of("Adults and professionals")));
        survey.submit(recent, Map.of("audience", List.of("Teenagers")));
        platform.call(sql -> sql.update(SURVEY_RESPONSE).set(SURVEY_RESPONSE.SUBMITTED_AT, OffsetDateTime.now().minusYears(5).minusDays(1))
                .where(SURVEY_RESPONSE.USER_ID.eq(old)).execute());
        platform.call(sql -> sql.update(SURVEY_RESPONSE).set(SURVEY_RESPONSE.SUBMITTED_AT, OffsetDateTime.now().minusYears(5).plusDays(1))
                .where(SURVEY_RESPONSE.USER_ID.eq(recent)).execute());

        assertThat(survey.deleteExpired(OffsetDateTime.now())).isGreaterThanOrEqualTo(1);

        assertThat(platform.count(SURVEY_RESPONSE, SURVEY_RESPONSE.USER_ID.eq(old))).isZero();
        assertThat(platform.count(SURVEY_RESPONSE, SURVEY_RESPONSE.USER_ID.eq(recent))).isEqualTo(1);
    }
}
