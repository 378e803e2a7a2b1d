package com.classentra.messaging.ui;

import com.classentra.messaging.ChatInbox;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.LiveUpdate;
import com.classentra.shell.NavbarItem;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** In the top bar, beside the bell: the way to Messages, with how many chat messages are unread, kept current live. */
@org.springframework.stereotype.Component
@Order(40)
class UnreadMessagesItem implements NavbarItem {

    private final ChatInbox inbox;

    UnreadMessagesItem(ChatInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        return user.has(Role.TEACHER) || user.has(Role.STUDENT) ? Optional.of(new UnreadMessagesLink(inbox, user)) : Optional.empty();
    }

    static final class UnreadMessagesLink extends Anchor {

        private final transient ChatInbox inbox;
        private final SignedInUser user;
        private final Span badge = new Span();
        private transient List<ClusterEvents.Subscription> watching = List.of();

        UnreadMessagesLink(ChatInbox inbox, SignedInUser user) {
            super("messages", "");
            this.inbox = inbox;
            this.user = user;
            addClassName("chat-link");
            badge.addClassName("notification-badge");
            badge.getElement().setAttribute("aria-hidden", "true");
            add(VaadinIcon.CHAT.create(), badge);
        }

        @Override
        protected void onAttach(AttachEvent attachEvent) {
            UI ui = attachEvent.getUI();
            refresh();
            watching = inbox.watch(user, () -> LiveUpdate.of(ui, this::refresh));
        }

        @Override
        protected void onDetach(DetachEvent detachEvent) {
            watching.forEach(ClusterEvents.Subscription::cancel);
            watching = List.of();
        }

        private void refresh() {
            int unread = inbox.unread(user);
            badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
            badge.setVisible(unread > 0);
            getElement().setAttribute("aria-label", unread == 0 ? "Messages" : "Messages, " + unread + " unread");
            getElement().setAttribute("title", "Messages");
        }
    }
}
