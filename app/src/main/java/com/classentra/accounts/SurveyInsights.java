package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.when;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Aggregates of the onboarding answers for the administrator (privacy policy, "Survey & onboarding responses":
 * aggregated, de-identified insights only). Answers are counted in the database; a group of fewer than
 * {@link #SMALLEST_GROUP} respondents is never shown, since its counts could point at a person.
 */
@Service
public class SurveyInsights {

    public static final int SMALLEST_GROUP = 10;

    private final DSLContext db;
    private final PlatformScope platformScope;

    SurveyInsights(DSLContext db, PlatformScope platformScope) {
        this.db = db;
        this.platformScope = platformScope;
    }

    /** One option and how many of the group chose it. */
    public record Share(String option, int people, int percent) {
    }

    /**
     * A question's answers within a group (teachers or learners): the shares, or none when the group is too small.
     *
     * @param respondents how many of the group answered; shown only as "fewer than 10" when suppressed
     */
    public record Insight(String group, String question, int respondents, boolean suppressed, List<Share> shares) {
    }

    /** Counted answers as the database gives them, before suppression. */
    record Counted(String group, String questionId, int respondents, Map<String, Integer> peoplePerOption) {
    }

    public List<Insight> insights(SignedInUser administrator) {
        if (!administrator.has(Role.ADMIN)) {
            throw new AccessDeniedException("Survey insights are for administrators");
        }
        return platformScope.inTransaction(administrator.id(), "survey insights", this::count).stream().map(SurveyInsights::shown).toList();
    }

    private List<Counted> count() {
        Field<String> group = when(DSL.condition("'TEACHER' = any({0})", APP_USER.ROLES), "Teachers").otherwise("Learners").as("respondent_group");
        Field<String> question = field(name("q", "key"), String.class);
        Field<String> option = field(name("o", "value"), String.class);
        Map<String, Counted> counted = new LinkedHashMap<>();
        db.select(group, question, countDistinct(SURVEY_RESPONSE.USER_ID)).from(SURVEY_RESPONSE)
                .join(APP_USER).on(APP_USER.ID.eq(SURVEY_RESPONSE.USER_ID))
                .crossJoin(DSL.table("jsonb_each({0})", SURVEY_RESPONSE.ANSWERS).as("q"))
                .groupBy(DSL.field(name("respondent_group")), question)
                .fetch()
                .forEach(row -> counted.put(row.value1() + "/" + row.value2(), new Counted(row.value1(), row.value2(), row.value3(), new LinkedHashMap<>())));
        db.select(group, question, option, countDistinct(SURVEY_RESPONSE.USER_ID)).from(SURVEY_RESPONSE)
                .join(APP_USER).on(APP_USER.ID.eq(SURVEY_RESPONSE.USER_ID))
                .crossJoin(DSL.table("jsonb_each({0})", SURVEY_RESPONSE.ANSWERS).as("q"))
                .crossJoin(DSL.table("jsonb_array_elements_text({0})", DSL.field(name("q", "value"))).as("o"))
                .groupBy(DSL.field(name("respondent_group")), question, option)
                .fetch()
                .forEach(row -> counted.get(row.value1() + "/" + row.value2()).peoplePerOption().put(row.value3(), row.value4()));
        return new ArrayList<>(counted.values());
    }

    /** The insight a counted question may show: its shares when the group is large enough, nothing otherwise. */
    static Insight shown(Counted counted) {
        String question = OnboardingSurvey.textOf(counted.questionId());
        if (counted.respondents() < SMALLEST_GROUP) {
            return new Insight(counted.group(), question, counted.respondents(), true, List.of());
        }
        List<Share> shares = counted.peoplePerOption().entrySet().stream()
                .map(option -> new Share(option.getKey(), option.getValue(), Math.round(100f * option.getValue() / counted.respondents())))
                .sorted(Comparator.comparingInt(Share::people).reversed().thenComparing(Share::option))
                .toList();
        return new Insight(counted.group(), question, counted.respondents(), false, shares);
    }
}
