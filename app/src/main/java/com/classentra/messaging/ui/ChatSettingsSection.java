package com.classentra.messaging.ui;

import com.classentra.messaging.ChatReading;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.SettingsSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** In Settings, for people who chat in courses: whether others see when they have read their messages. */
@org.springframework.stereotype.Component
@Order(30)
class ChatSettingsSection implements SettingsSection {

    private final ChatReading reading;

    ChatSettingsSection(ChatReading reading) {
        this.reading = reading;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        if (!user.has(Role.STUDENT) && !user.has(Role.TEACHER)) {
            return Optional.empty();
        }
        Checkbox receipts = new Checkbox("Let others see when I have read their messages", reading.sendsReadReceipts(user));
        receipts.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reading.setSendReadReceipts(user, e.getValue());
                Notification.show(e.getValue() ? "Read receipts are on." : "Read receipts are off: nobody sees when you read their messages from now on.");
            }
        });
        Section section = new Section(new H2("Chat"), new Paragraph("In direct messages and small channels, people see who has read what they wrote. "
                + "Turned off, you still see your own unread counts."), receipts);
        section.addClassName("settings-section");
        return Optional.of(section);
    }
}
