package com.classentra.messaging.ui;

import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChatInbox;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Every conversation of the person's courses that has messages, most recent first, with what is unread in each. */
@Route("messages")
@Menu(title = "Messages", order = 3.5, icon = "vaadin:chat")
@PageTitle("Messages · Classentra")
@RolesAllowed({"TEACHER", "STUDENT"})
public class MessagesView extends Main {

    public MessagesView(ChatInbox inbox, AuthenticationContext authentication) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassNames("console", "messages-view");
        add(new ViewHeader("Messages", "The conversations of your courses. Open a course's chat to start one."));
        List<ChatInbox.Entry> conversations = inbox.conversations(user);
        if (conversations.isEmpty()) {
            add(new EmptyState(VaadinIcon.CHAT, "No conversations yet", "Open a course and its Chat to write to the class or to someone in it."));
            return;
        }
        Div list = new Div();
        list.addClassName("conversation-list");
        for (ChatInbox.Entry entry : conversations) {
            Span title = new Span(entry.title());
            title.addClassName("conversation-name");
            Span where = new Span(entry.courseTitle() + " · " + ClientTime.format(entry.lastMessageAt()));
            where.addClassName("chat-time");
            Anchor row = new Anchor(entry.link(), new Div(title, where));
            row.addClassName("conversation");
            if (entry.channel().kind() == ChannelKind.DIRECT) {
                row.addClassName("direct");
            }
            if (entry.unread() > 0) {
                Span unread = new Span(entry.unread() > 99 ? "99+" : String.valueOf(entry.unread()));
                unread.getElement().getThemeList().add("badge pill primary");
                unread.getElement().setAttribute("aria-label", entry.unread() + " unread");
                row.add(unread);
                row.addClassName("unread");
            }
            list.add(row);
        }
        add(list);
    }
}
