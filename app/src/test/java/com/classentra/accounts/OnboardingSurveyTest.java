package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.PlatformSql;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

@ClassentraTest
class OnboardingSurveyTest {

    @Autowired
    OnboardingSurvey survey;
    @Autowired
    AccountService accounts;
    @Autowired
    PlatformSql platform;

    @Autowired
    DSLContext db;
    @Autowired
    ScopedTransactions scoped;
    @Autowired
    JsonMapper json;

    private SignedInUser newPerson(Role role) {
        String email = "survey-" + UUID.randomUUID() + "@example.com";
        UUID id = accounts.signUp(new SignUpForm(role == Role.TEACHER, "Sam", "Lee", null, email, "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER),
                TestOrigins.fresh()).userId();
        return new SignedInUser(id, email, "Sam Lee", Set.of(role), null, null);
    }

    private SignedInUser newStudent() {
        return newPerson(Role.STUDENT);
    }

    private static List<String> ids(List<OnboardingSurvey.Question> questions) {
        return questions.stream().map(OnboardingSurvey.Question::id).toList();
    }

    @Test
    void teachersAreAskedAboutTeachingLearnersAboutLearningAndNobodyAboutAnAssistantThatIsNotInstalled() {
        SignedInUser teacher = newPerson(Role.TEACHER);
        SignedInUser student = newStudent();
        assertThat(ids(survey.questionsFor(teacher))).containsExactly("goals", "platforms", "audience", "budget", "dashboard");
        assertThat(ids(survey.questionsFor(student))).containsExactly("learning_goals", "learning_style", "dashboard");
        assertThat(survey.questionsFor(student).toString()).doesNotContain("your learners", "teaching tools");

        assertThatThrownBy(() -> survey.submit(student, Map.of("budget", List.of("Nothing")))).as("a teacher's question")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.submit(student, Map.of("tone", List.of("Concise")))).as("no AI provider")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withAnAiProviderTheToneIsAskedAndChosen() {
        SlotRegistry slots = Mockito.mock(SlotRegistry.class);
        Mockito.when(slots.activeProviderId(Slot.AI)).thenReturn("some-ai");
        OnboardingSurvey withAssistant = new OnboardingSurvey(db, scoped, json, slots);
        SignedInUser student = newStudent();
        assertThat(ids(withAssistant.questionsFor(student))).endsWith("tone");

        withAssistant.submit(student, Map.of("tone", List.of("Formal")));
        assertThat(platform.value(APP_USER.ASSISTANT_TONE, APP_USER.ID.eq(student.id()))).isEqualTo("FORMAL");
    }

    @Test
    void answersAreStoredAndChooseTheDashboard() {
        SignedInUser person = newStudent();
        UUID id = person.id();
        survey.submit(person, Map.of("learning_goals", List.of("Learning for fun", "Preparing for an exam"), "dashboard", List.of("My courses")));

        var user = platform.call(sql -> sql.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle());
        assertThat(user.getDashboardView()).isEqualTo("COURSES");
        assertThat(user.getAssistantTone()).as("unchanged without an assistant").isEqualTo("ENCOURAGING");
        assertThat(user.getOnboardingDoneAt()).isNotNull();
        String stored = platform.call(sql -> sql.select(SURVEY_RESPONSE.ANSWERS).from(SURVEY_RESPONSE).where(SURVEY_RESPONSE.USER_ID.eq(id))
                .fetchSingle(SURVEY_RESPONSE.ANSWERS)).data();
        assertThat(stored).contains("Preparing for an exam");
    }

    @Test
    void answersOutsideTheOptionsAreRefusedAndSkippingStoresNothing() {
        SignedInUser teacher = newPerson(Role.TEACHER);
        UUID id = teacher.id();
        assertThatThrownBy(() -> survey.submit(teacher, Map.of("budget", List.of("A million")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.submit(teacher, Map.of("audience", List.of("Children", "Mixed")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> survey.submit(teacher, Map.of("salary", List.of("x")))).isInstanceOf(IllegalArgumentException.class);

        survey.skip(id);
        assertThat(platform.count(SURVEY_RESPONSE, SURVEY_RESPONSE.USER_ID.eq(id))).isZero();
        assertThat(platform.value(APP_USER.ONBOARDING_DONE_AT, APP_USER.ID.eq(id))).isNotNull();
    }
}
