package com.classentra.notifications.ui;

import com.classentra.notifications.Notification;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.UI;

/** What clicking a notification does, in the bell and on the page alike: mark it read, then go where it points. */
final class NotificationOpener {

    private NotificationOpener() {
    }

    static void open(NotificationService notifications, SignedInUser reader, Notification notification) {
        if (notification.unread()) {
            notifications.markRead(reader, notification.id());
        }
        UI.getCurrent().navigate(notification.link().substring(1));
    }
}
