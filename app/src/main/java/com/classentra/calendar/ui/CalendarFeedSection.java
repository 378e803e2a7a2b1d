package com.classentra.calendar.ui;

import com.classentra.calendar.CalendarService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.SettingsSection;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The calendar feed in Settings, for people who have a calendar (teachers and students, not operators). */
@Component
@Order(20)
class CalendarFeedSection implements SettingsSection {

    private final CalendarService calendar;

    CalendarFeedSection(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createFor(SignedInUser user) {
        return user.has(Role.TEACHER) || user.has(Role.STUDENT) ? Optional.of(new CalendarFeedSettings(calendar, user)) : Optional.empty();
    }
}
