package com.classentra.notifications.ui;

import com.classentra.notifications.Notification;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;

/** Every notification of the signed-in person, newest first, a page at a time. */
@Route("notifications")
@PageTitle("Notifications · Classentra")
@PermitAll
public class NotificationsView extends Main {

    static final int PAGE_SIZE = 20;

    private final transient NotificationService notifications;
    private final SignedInUser reader;
    private final Div list = new Div();
    private final Button markAllRead = new Button("Mark all read", VaadinIcon.CHECK.create());
    private final Button previous = new Button("Newer", VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button("Older", VaadinIcon.ANGLE_RIGHT.create());
    private final Span position = new Span();
    private int page;

    public NotificationsView(NotificationService notifications, AuthenticationContext authentication) {
        this.notifications = notifications;
        this.reader = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("console");
        list.addClassName("notification-list");
        markAllRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAllRead.addClickListener(e -> {
            notifications.markAllRead(reader);
            show();
        });
        next.setIconAfterText(true);
        previous.addClickListener(e -> {
            page--;
            show();
        });
        next.addClickListener(e -> {
            page++;
            show();
        });
        position.addClassName("notification-page-position");
        Div pager = new Div(previous, position, next);
        pager.addClassName("notification-pager");
        add(new ViewHeader("Notifications", "What happened in your courses. Choose which ones also reach you by email in Settings."),
                markAllRead, list, pager);
        show();
    }

    private void show() {
        int total = notifications.total(reader);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.clamp(page, 0, pages - 1);
        List<Notification> shown = notifications.page(reader, page * PAGE_SIZE, PAGE_SIZE);
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.BELL_O, "No notifications yet",
                    "Announcements, new work, sessions and grades from your courses will appear here."));
        }
        Instant now = Instant.now();
        shown.forEach(n -> list.add(new NotificationItem(n, now, () -> NotificationOpener.open(notifications, reader, n))));
        markAllRead.setEnabled(notifications.unreadCount(reader) > 0);
        previous.setEnabled(page > 0);
        next.setEnabled(page < pages - 1);
        position.setText("Page " + (page + 1) + " of " + pages);
        position.getParent().ifPresent(pager -> pager.setVisible(pages > 1));
    }
}
