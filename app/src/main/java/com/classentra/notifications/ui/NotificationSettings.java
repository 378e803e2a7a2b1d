package com.classentra.notifications.ui;

import com.classentra.notifications.EmailDelivery;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.util.Map;

/** The Settings section where a person chooses, per kind, whether notifications also come by email and how often. */
public class NotificationSettings extends Section {

    public NotificationSettings(NotificationService notifications, SignedInUser reader) {
        addClassNames("settings-section", "notification-settings");
        FormLayout kinds = new FormLayout();
        kinds.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2),
                new FormLayout.ResponsiveStep("52rem", 3));
        Map<NotificationKind, EmailDelivery> chosen = notifications.emailPreferences(reader);
        for (NotificationKind kind : NotificationKind.values()) {
            if (!kind.concerns(reader)) {
                continue;
            }
            Select<EmailDelivery> delivery = new Select<>();
            delivery.setLabel(kind.label());
            delivery.setItems(EmailDelivery.values());
            delivery.setItemLabelGenerator(EmailDelivery::label);
            delivery.setValue(chosen.get(kind));
            delivery.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    notifications.setEmailPreference(reader, kind, e.getValue());
                    Notification.show(switch (e.getValue()) {
                        case IMMEDIATE -> kind.label() + " are emailed as they happen.";
                        case DIGEST -> kind.label() + " come in the daily digest.";
                        case OFF -> kind.label() + " are no longer emailed.";
                    });
                }
            });
            kinds.add(delivery);
        }
        add(new H2("Notifications"), new Paragraph("Notifications always appear under the bell. Choose which ones also come by email: "
                + "as they happen, gathered in one email each morning, or not at all."), kinds);
        setVisible(notifications.reaches(reader));
    }
}
