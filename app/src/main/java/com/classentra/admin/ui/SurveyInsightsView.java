package com.classentra.admin.ui;

import com.classentra.accounts.SurveyInsights;
import com.classentra.accounts.SurveyInsights.Insight;
import com.classentra.accounts.SurveyInsights.Share;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the onboarding survey says, in aggregate: per group (teachers, learners) and question, the share of each answer.
 * A group of fewer than 10 respondents shows no figures at all.
 */
@Route("admin/survey-insights")
@Menu(title = "Survey insights", order = 9, icon = "vaadin:chart-3d")
@PageTitle("Survey insights · Classentra")
@RolesAllowed("ADMIN")
public class SurveyInsightsView extends Main {

    public SurveyInsightsView(SurveyInsights insights, AuthenticationContext authentication) {
        SignedInUser administrator = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassNames("console", "survey-insights");
        add(new ViewHeader("Survey insights", "Aggregates of the onboarding answers. Figures appear only for groups of at least "
                + SurveyInsights.SMALLEST_GROUP + " people, and individual answers are never shown."));
        List<Insight> all = insights.insights(administrator);
        if (all.isEmpty()) {
            add(new EmptyState(VaadinIcon.CHART, "No answers yet", "Answers appear here as people finish the onboarding survey."));
            return;
        }
        Map<String, List<Insight>> byGroup = all.stream().collect(Collectors.groupingBy(Insight::group, java.util.TreeMap::new, Collectors.toList()));
        byGroup.forEach((group, questions) -> {
            add(new H2(group));
            questions.forEach(question -> add(card(question)));
        });
    }

    private static Div card(Insight insight) {
        Div card = new Div(new H3(insight.question()));
        card.addClassName("insight-card");
        if (insight.suppressed()) {
            card.add(new Paragraph("Fewer than " + SurveyInsights.SMALLEST_GROUP + " people answered: not shown, so nobody can be recognised."));
            return card;
        }
        card.add(new Paragraph(Counted.of(insight.respondents(), "person", "people") + " answered."));
        for (Share share : insight.shares()) {
            Span label = new Span(share.option());
            Span figure = new Span(share.percent() + "% (" + share.people() + ")");
            figure.addClassName("insight-figure");
            Div bar = new Div();
            bar.addClassName("insight-bar");
            bar.getStyle().set("--share", share.percent() + "%");
            Div row = new Div(label, figure, bar);
            row.addClassName("insight-row");
            card.add(row);
        }
        return card;
    }
}
