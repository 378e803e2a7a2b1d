package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.accounts.AccountPreferences.DashboardView;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.db.ScopedTransactions;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short survey after sign-up (goals, platforms, audience, budget, preferences). Answers are stored
 * with their submission time and deleted 5 years later (privacy policy, "Survey & onboarding responses");
 * two of them choose the default dashboard view and the AI assistant's tone.
 */
@Service
public class OnboardingSurvey {

    /** How long individual answers are kept. */
    static final Period RETENTION = Period.ofYears(5);

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final PlatformScope platformScope;
    private final JsonMapper json;

    OnboardingSurvey(DSLContext db, ScopedTransactions scoped, PlatformScope platformScope, JsonMapper json) {
        this.db = db;
        this.scoped = scoped;
        this.platformScope = platformScope;
        this.json = json;
    }

    /** A multiple-choice question; {@code multiple} allows several answers. */
    public record Question(String id, String text, boolean multiple, List<String> options) {
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("goals", "What do you want Classentra for?", true,
                    List.of("Run live classes", "Sell courses", "Share materials and assignments", "Track attendance and grades", "Learn")),
            new Question("platforms", "What do you use today?", true,
                    List.of("Zoom, Meet or Teams", "Google Classroom", "Teachable, Thinkific or Kajabi", "Email and spreadsheets", "Nothing yet")),
            new Question("audience", "Who are your learners?", false,
                    List.of("Children", "Teenagers", "University students", "Adults and professionals", "Mixed")),
            new Question("budget", "What would you spend per month on teaching tools?", false,
                    List.of("Nothing", "Under $20", "$20 to $50", "Over $50")),
            new Question("dashboard", "What should your dashboard show first?", false,
                    List.of("Today's sessions and deadlines", "My courses")),
            new Question("tone", "How should the AI assistant talk to you?", false,
                    Arrays.stream(AssistantTone.values()).map(AssistantTone::label).toList()));

    /** Stores the answers and the preferences they choose; answers outside the listed options are refused. */
    public void submit(UUID userId, Map<String, List<String>> answers) {
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            Question question = QUESTIONS.stream().filter(q -> q.id().equals(answer.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown question " + answer.getKey()));
            if (!question.options().containsAll(answer.getValue()) || (!question.multiple() && answer.getValue().size() > 1)) {
                throw new IllegalArgumentException("Invalid answer to " + question.id());
            }
        }
        DashboardView dashboard = answers.getOrDefault("dashboard", List.of()).contains("My courses") ? DashboardView.COURSES : DashboardView.TODAY;
        List<String> toneAnswer = answers.getOrDefault("tone", List.of());
        AssistantTone tone = Arrays.stream(AssistantTone.values()).filter(t -> toneAnswer.contains(t.label())).findFirst()
                .orElse(AssistantTone.DEFAULT);
        scoped.runAsUser(userId, () -> {
            JSONB stored = JSONB.valueOf(json.writeValueAsString(answers));
            db.insertInto(SURVEY_RESPONSE).set(SURVEY_RESPONSE.USER_ID, userId).set(SURVEY_RESPONSE.ANSWERS, stored)
                    .onConflict(SURVEY_RESPONSE.USER_ID).doUpdate()
                    .set(SURVEY_RESPONSE.ANSWERS, stored).set(SURVEY_RESPONSE.SUBMITTED_AT, currentOffsetDateTime())
                    .execute();
            db.update(APP_USER).set(AccountColumns.DASHBOARD_VIEW, dashboard).set(AccountColumns.ASSISTANT_TONE, tone)
                    .set(APP_USER.ONBOARDING_DONE_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(userId)).execute();
        });
    }

    /** The person chose not to answer: ask no more. */
    public void skip(UUID userId) {
        scoped.runAsUser(userId, () ->
                db.update(APP_USER).set(APP_USER.ONBOARDING_DONE_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(userId)).execute());
    }

    /** Deletes answers submitted more than 5 years ago, in batches; returns how many. */
    int deleteExpired(OffsetDateTime now) {
        OffsetDateTime cutOff = now.minus(RETENTION);
        int total = 0;
        int batch;
        do {
            batch = platformScope.inTransaction(null, "survey retention", () -> db.deleteFrom(SURVEY_RESPONSE)
                    .where(SURVEY_RESPONSE.USER_ID.in(db.select(SURVEY_RESPONSE.USER_ID).from(SURVEY_RESPONSE)
                            .where(SURVEY_RESPONSE.SUBMITTED_AT.lt(cutOff)).limit(1000)))
                    .execute());
            total += batch;
        } while (batch > 0);
        return total;
    }
}
