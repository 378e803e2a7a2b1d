package com.classentra.notifications.ui;

import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.NavbarItem;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The bell in the top bar, for the people notifications reach. */
@Component
class NotificationBellItem implements NavbarItem {

    private final NotificationService notifications;

    NotificationBellItem(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createFor(SignedInUser user) {
        return notifications.reaches(user) ? Optional.of(new NotificationBell(notifications, user)) : Optional.empty();
    }
}
