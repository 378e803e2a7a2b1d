package com.classentra.notifications.ui;

import com.classentra.notifications.Notification;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.LiveUpdate;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.util.List;

/**
 * The navbar's bell: the unread count as a badge, and a popover with the latest notifications. It updates
 * itself while open in the browser: the service calls back after a notification for this person commits
 * (or is found by the periodic check for other nodes), and the change reaches the browser by server push.
 */
public class NotificationBell extends Div {

    static final int SHOWN = 8;

    private final transient NotificationService notifications;
    private final SignedInUser reader;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span badge = new Span();
    private final Popover popover = new Popover();
    private final Div list = new Div();
    private final Button markAllRead = new Button("Mark all read");
    private transient NotificationService.Subscription subscription;

    public NotificationBell(NotificationService notifications, SignedInUser reader) {
        this.notifications = notifications;
        this.reader = reader;
        addClassName("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setTooltipText("Notifications");
        badge.addClassName("notification-badge");
        badge.getElement().setAttribute("aria-hidden", "true");
        add(bell, badge);

        // Opened from the server, so the list is fresh before it shows.
        popover.setOpenOnClick(false);
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addClassName("notification-popover");
        popover.setAriaLabel("Notifications");
        bell.addClickListener(e -> {
            if (popover.isOpened()) {
                popover.close();
            } else {
                refresh(true);
                popover.open();
            }
        });
        markAllRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        markAllRead.addClickListener(e -> {
            notifications.markAllRead(reader);
            refresh(true);
        });
        H2 heading = new H2("Notifications");
        Div header = new Div(heading, markAllRead);
        header.addClassName("notification-popover-header");
        list.addClassName("notification-list");
        RouterLink all = new RouterLink("See all notifications", NotificationsView.class);
        all.addClassName("notification-popover-footer");
        all.getElement().addEventListener("click", e -> popover.close());
        popover.add(header, list, all);
        add(popover);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        refresh(false);
        subscription = notifications.subscribe(reader.id(), () -> LiveUpdate.of(ui, () -> refresh(popover.isOpened())));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // Null when attaching failed before it subscribed.
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private void refresh(boolean withList) {
        int unread = notifications.unreadCount(reader);
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? "Notifications" : "Notifications, " + unread + " unread");
        markAllRead.setEnabled(unread > 0);
        if (withList) {
            showList(notifications.latest(reader, SHOWN));
        }
    }

    private void showList(List<Notification> latest) {
        list.removeAll();
        if (latest.isEmpty()) {
            Paragraph empty = new Paragraph("Nothing yet. Announcements, new work and grades from your courses will appear here.");
            empty.addClassName("notification-empty");
            list.add(empty);
            return;
        }
        Instant now = Instant.now();
        for (Notification notification : latest) {
            list.add(new NotificationItem(notification, now, () -> {
                popover.close();
                NotificationOpener.open(notifications, reader, notification);
            }));
        }
    }
}
