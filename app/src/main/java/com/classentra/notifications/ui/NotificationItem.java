package com.classentra.notifications.ui;

import com.classentra.notifications.Notification;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;

/** One notification in the bell's list and on the notifications page; a button, so keyboards reach it. */
class NotificationItem extends NativeButton {

    private final transient Notification notification;

    NotificationItem(Notification notification, Instant now, Runnable open) {
        this.notification = notification;
        addClassName("notification-item");
        addClassName(notification.unread() ? "unread" : "read");
        Span marker = new Span();
        marker.addClassName("notification-marker");
        marker.getElement().setAttribute("aria-hidden", "true");
        Span title = new Span(notification.title());
        title.addClassName("notification-title");
        String where = notification.courseTitle() == null ? "" : notification.courseTitle() + " · ";
        Span meta = new Span(where + RelativeTime.since(notification.createdAt(), now));
        meta.addClassName("notification-meta");
        Span text = new Span(title, meta);
        text.addClassName("notification-text");
        add(marker, text);
        getElement().setAttribute("aria-label", (notification.unread() ? "Unread: " : "") + notification.title());
        addClickListener(e -> open.run());
    }

    Notification notification() {
        return notification;
    }
}
