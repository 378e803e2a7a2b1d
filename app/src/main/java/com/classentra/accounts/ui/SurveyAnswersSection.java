package com.classentra.accounts.ui;

import com.classentra.accounts.OnboardingSurvey;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.SettingsSection;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** The survey answers in Settings, for the people the survey asks (teachers and students), before "Your data". */
@org.springframework.stereotype.Component
@Order(80)
class SurveyAnswersSection implements SettingsSection {

    private final OnboardingSurvey survey;

    SurveyAnswersSection(OnboardingSurvey survey) {
        this.survey = survey;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        return user.has(Role.TEACHER) || user.has(Role.STUDENT) ? Optional.of(new SurveyAnswersSettings(survey, user)) : Optional.empty();
    }
}
