package com.classentra.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.accounts.SurveyInsights.Counted;
import com.classentra.accounts.SurveyInsights.Insight;
import com.classentra.accounts.SurveyInsights.Share;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Issue 12 item 7: the administrator sees aggregates only, and none of a group smaller than 10. */
@ClassentraTest
class SurveyInsightsTest {

    @Autowired
    SurveyInsights insights;
    @Autowired
    OnboardingSurvey survey;
    @Autowired
    Classrooms classrooms;
    @Autowired
    TestAccounts accounts;

    @Test
    void aGroupOfNineShowsNoFiguresAndAGroupOfTenDoes() {
        Insight nine = SurveyInsights.shown(new Counted("Teachers", "audience", 9, Map.of("Children", 6, "Mixed", 3)));
        assertThat(nine.suppressed()).isTrue();
        assertThat(nine.shares()).isEmpty();

        Insight ten = SurveyInsights.shown(new Counted("Teachers", "audience", 10, Map.of("Children", 6, "Mixed", 4)));
        assertThat(ten.suppressed()).isFalse();
        assertThat(ten.question()).isEqualTo("Who are your learners?");
        assertThat(ten.shares()).containsExactly(new Share("Children", 6, 60), new Share("Mixed", 4, 40));
    }

    @Test
    void answersAreCountedPerGroupAndQuestionInTheDatabase() {
        SignedInUser administrator = accounts.principal(accounts.create(Role.ADMIN).email());
        int before = respondents(administrator, "Learners", "How do you like to learn?");
        for (int i = 0; i < 3; i++) {
            survey.submit(classrooms.student("Survey", "Learner"), Map.of("learning_style", List.of("In live classes")));
        }
        assertThat(respondents(administrator, "Learners", "How do you like to learn?")).isEqualTo(before + 3);
        assertThatThrownBy(() -> insights.insights(classrooms.teacher("Not", "Admin"))).isInstanceOf(AccessDeniedException.class);
    }

    private int respondents(SignedInUser administrator, String group, String question) {
        return insights.insights(administrator).stream().filter(i -> i.group().equals(group) && i.question().equals(question))
                .mapToInt(Insight::respondents).findFirst().orElse(0);
    }
}
