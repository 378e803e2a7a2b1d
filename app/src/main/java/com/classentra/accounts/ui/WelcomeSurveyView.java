package com.classentra.accounts.ui;

import com.classentra.accounts.OnboardingSurvey;
import com.classentra.accounts.OnboardingSurvey.Question;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The optional onboarding survey; its answers personalise the dashboard and the assistant's tone. */
@Route(value = "welcome", autoLayout = false)
@PageTitle("Welcome · Classentra")
@PermitAll
public class WelcomeSurveyView extends AuthPage {

    private final Map<String, AbstractField<?, ?>> inputs = new LinkedHashMap<>();

    public WelcomeSurveyView(OnboardingSurvey survey) {
        SignedInUser user = SignedInSession.current().orElseThrow();
        Div questions = new Div();
        questions.addClassName("survey");
        for (Question question : survey.questionsFor(user)) {
            Component input;
            if (question.multiple()) {
                CheckboxGroup<String> group = new CheckboxGroup<>(question.text(), question.options());
                inputs.put(question.id(), group);
                input = group;
            } else {
                RadioButtonGroup<String> group = new RadioButtonGroup<>(question.text(), question.options());
                inputs.put(question.id(), group);
                input = group;
            }
            questions.add(input);
        }
        Button save = new Button("Save and continue", e -> {
            survey.submit(user, answers());
            finish();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button skip = new Button("Skip", e -> {
            survey.skip(user.id());
            finish();
        });
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        show("Welcome, " + user.displayName(), "A few quick questions so Classentra fits the way you teach or learn. "
                + "Every question is optional; we keep your answers for at most 5 years.", questions, new Div(save, skip));
    }

    private Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        inputs.forEach((id, input) -> {
            Object value = input.getValue();
            List<String> chosen = value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                    : value == null ? List.of() : List.of(value.toString());
            if (!chosen.isEmpty()) {
                answers.put(id, new ArrayList<>(chosen));
            }
        });
        return answers;
    }

    private void finish() {
        SignedInSession.updateOnboarding(o -> new Onboarding(o.emailVerified(), o.pendingPolicies(), false));
        getUI().ifPresent(OnboardingGate::continueAfterStep);
    }
}
