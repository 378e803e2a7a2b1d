package com.classentra.accounts.ui;

import com.classentra.accounts.OnboardingSurvey;
import com.classentra.accounts.OnboardingSurvey.Answered;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.List;

/** The person's onboarding answers, to review (privacy policy, "Survey & onboarding responses", "Your rights"). */
class SurveyAnswersSettings extends Section {

    SurveyAnswersSettings(OnboardingSurvey survey, SignedInUser user) {
        addClassName("settings-section");
        add(new H2("Your survey answers"));
        List<Answered> answers = survey.answersOf(user);
        if (answers.isEmpty()) {
            add(new Paragraph("We keep no survey answers of yours."));
            return;
        }
        add(new Paragraph("What you answered when you joined, on " + ClientTime.formatDate(answers.getFirst().submittedAt())
                + ". We keep it for 5 years, and it is in your data export. Only aggregates of at least 10 people are ever shown to anyone."));
        DescriptionList list = new DescriptionList();
        list.addClassName("survey-answers");
        for (Answered answer : answers) {
            list.add(new DescriptionList.Term(answer.question()),
                    new DescriptionList.Description(answer.answers().isEmpty() ? "No answer" : String.join(", ", answer.answers())));
        }
        add(list);
    }
}
