package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.accounts.AccountPreferences.DashboardView;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.Slot;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short survey after sign-up, fitted to the person (a teacher's goals, tools, audience and budget; a learner's goals
 * and way of learning; preferences). Answers are stored
 * with their submission time and deleted 5 years later by the registry's "survey-response" rule (privacy policy,
 * "Survey & onboarding responses");
 * two of them choose the default dashboard view and the AI assistant's tone.
 */
@Service
public class OnboardingSurvey {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final JsonMapper json;
    private final SlotRegistry slots;

    OnboardingSurvey(DSLContext db, ScopedTransactions scoped, JsonMapper json, SlotRegistry slots) {
        this.slots = slots;
        this.db = db;
        this.scoped = scoped;
        this.json = json;
    }

    /** A multiple-choice question; {@code multiple} allows several answers. */
    public record Question(String id, String text, boolean multiple, List<String> options) {
    }

    private static final Question DASHBOARD = new Question("dashboard", "What should your dashboard show first?", false,
            List.of("Today's sessions and deadlines", "My courses"));
    private static final Question TONE = new Question("tone", "How should the AI assistant talk to you?", false,
            Arrays.stream(AssistantTone.values()).map(AssistantTone::label).toList());

    /** What a teacher is asked: how they teach today, for whom, and what they would pay. */
    static final List<Question> FOR_TEACHERS = List.of(
            new Question("goals", "What do you want Classentra for?", true,
                    List.of("Run live classes", "Sell courses", "Share materials and assignments", "Track attendance and grades")),
            new Question("platforms", "What do you use today?", true,
                    List.of("Zoom, Meet or Teams", "Google Classroom", "Teachable, Thinkific or Kajabi", "Email and spreadsheets", "Nothing yet")),
            new Question("audience", "Who are your learners?", false,
                    List.of("Children", "Teenagers", "University students", "Adults and professionals", "Mixed")),
            new Question("budget", "What would you spend per month on teaching tools?", false,
                    List.of("Nothing", "Under $20", "$20 to $50", "Over $50")),
            DASHBOARD);

    /** What a learner is asked: why they are here and how they like to learn. */
    static final List<Question> FOR_LEARNERS = List.of(
            new Question("learning_goals", "What brings you here?", true,
                    List.of("A class my teacher runs here", "Learning a new skill", "Preparing for an exam", "Learning for fun")),
            new Question("learning_style", "How do you like to learn?", false,
                    List.of("In live classes", "At my own pace", "A mix of both")),
            DASHBOARD);

    /**
     * The questions that fit the person: a teacher's or a learner's, and the assistant's tone only while an AI
     * provider is installed (asking about an assistant nobody can use would promise something the product lacks).
     */
    /** The wording of a question by its id, for reports; the id itself for a question no longer asked. */
    static String textOf(String questionId) {
        return java.util.stream.Stream.of(FOR_TEACHERS, FOR_LEARNERS, List.of(TONE)).flatMap(List::stream)
                .filter(question -> question.id().equals(questionId)).map(Question::text).findFirst().orElse(questionId);
    }

    public List<Question> questionsFor(SignedInUser person) {
        List<Question> questions = new ArrayList<>(person.has(Role.TEACHER) ? FOR_TEACHERS : FOR_LEARNERS);
        if (slots.activeProviderId(Slot.AI) != null) {
            questions.add(TONE);
        }
        return List.copyOf(questions);
    }

    /** Stores the answers and the preferences they choose; answers outside the person's questions and their options are refused. */
    public void submit(SignedInUser person, Map<String, List<String>> answers) {
        UUID userId = person.id();
        List<Question> asked = questionsFor(person);
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            Question question = asked.stream().filter(q -> q.id().equals(answer.getKey())).findFirst()
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

    /** A question the person answered, and their answer, for them to review in Settings. */
    public record Answered(String question, List<String> answers, java.time.Instant submittedAt) {
    }

    /** The person's stored answers, in the order of the questions; empty when they skipped the survey or it expired. */
    public List<Answered> answersOf(SignedInUser person) {
        return scoped.asUser(person.id(), () -> db.selectFrom(SURVEY_RESPONSE).where(SURVEY_RESPONSE.USER_ID.eq(person.id())).fetchOptional())
                .map(row -> {
                    Map<String, List<String>> stored = json.readValue(row.getAnswers().data(),
                            new tools.jackson.core.type.TypeReference<Map<String, List<String>>>() { });
                    // The tone question is asked only while an AI provider is installed; an earlier answer still shows.
                    List<Question> asked = new java.util.ArrayList<>(questionsFor(person));
                    if (!asked.contains(TONE)) {
                        asked.add(TONE);
                    }
                    return asked.stream().filter(question -> stored.containsKey(question.id()))
                            .map(question -> new Answered(question.text(), stored.get(question.id()), row.getSubmittedAt().toInstant())).toList();
                }).orElse(List.of());
    }
}
