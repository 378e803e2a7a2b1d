package com.classentra.dashboard.ui;

import com.classentra.messaging.ChatInbox;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.LiveUpdate;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;

/** The conversations with unread messages, kept current while the dashboard is open, as the top bar's count is. */
final class UnreadMessagesCard extends Div {

    /** Enough to see who is waiting for an answer; the Messages page has the rest. */
    private static final int SHOWN = 6;

    private final transient ChatInbox inbox;
    private final SignedInUser user;
    private transient List<ClusterEvents.Subscription> watching = List.of();

    UnreadMessagesCard(ChatInbox inbox, SignedInUser user) {
        this.inbox = inbox;
        this.user = user;
        // The card inside takes the grid cell: this wrapper only swaps it when the counts change.
        getStyle().set("display", "contents");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
        watching = inbox.watch(user, () -> LiveUpdate.of(attachEvent.getUI(), this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        watching.forEach(ClusterEvents.Subscription::cancel);
        watching = List.of();
    }

    private void refresh() {
        List<ChatInbox.Entry> unread = inbox.unreadConversations(user);
        List<Component> entries = new ArrayList<>(unread.stream().limit(SHOWN).map(entry -> DashboardCard.entry(entry.link(), entry.title(),
                entry.courseTitle() + " · " + ClientTime.format(entry.lastMessageAt()),
                DashboardCard.tag(entry.unread() > 99 ? "99+ unread" : entry.unread() + " unread", "notice"))).toList());
        if (unread.size() > SHOWN) {
            entries.add(DashboardCard.entry("messages", Counted.of(unread.size() - SHOWN, "more conversation", "more conversations") + " with unread messages", null));
        }
        removeAll();
        add(DashboardCard.of(VaadinIcon.CHAT, "Unread messages", "Nothing unread. Your courses' conversations are under Messages.", entries));
    }
}
