package com.classentra.notifications.ui;

import com.classentra.notifications.Notification;
import com.classentra.notifications.NotificationKind;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Instant;

/** One notification in the bell's list and on the notifications page, with an icon for its kind; a button, so keyboards reach it. */
class NotificationItem extends NativeButton {

    private final transient Notification notification;

    NotificationItem(Notification notification, Instant now, Runnable open) {
        this.notification = notification;
        addClassName("notification-item");
        addClassName(notification.unread() ? "unread" : "read");
        Icon marker = icon(notification.kind()).create();
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

    private static VaadinIcon icon(NotificationKind kind) {
        return switch (kind) {
            case ANNOUNCEMENT -> VaadinIcon.MEGAPHONE;
            case NEW_WORK -> VaadinIcon.FILE_TEXT_O;
            case SESSION -> VaadinIcon.CALENDAR_CLOCK;
            case SUBMISSION -> VaadinIcon.INBOX;
            case GRADE_RETURNED -> VaadinIcon.CHECK_SQUARE_O;
            case ENROLMENT -> VaadinIcon.USER_CHECK;
            case MESSAGE -> VaadinIcon.CHAT;
        };
    }

    Notification notification() {
        return notification;
    }
}
