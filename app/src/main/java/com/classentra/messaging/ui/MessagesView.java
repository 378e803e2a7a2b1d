package com.classentra.messaging.ui;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChatInbox;
import com.classentra.messaging.MessagingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every conversation of the person's courses that has messages, most recent first, with what is unread in each. */
@Route("messages")
@Menu(title = "Messages", order = 3.5, icon = "vaadin:chat")
@PageTitle("Messages · Classentra")
@RolesAllowed({"TEACHER", "STUDENT"})
public class MessagesView extends Main {

    public MessagesView(ChatInbox inbox, MessagingService messaging, CourseService courses, AuthenticationContext authentication) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassNames("console", "messages-view");
        add(new ViewHeader("Messages", "The conversations of your courses. Open a course's chat to start one."));
        Map<UUID, String> titles = courses.coursesOf(user).stream().collect(Collectors.toMap(CourseSummary::id, CourseSummary::title));
        Div list = new Div();
        list.addClassName("conversation-list");
        for (ChatInbox.Entry entry : inbox.conversations(user)) {
            String course = titles.getOrDefault(entry.channel().courseId(), "A course");
            String name = switch (entry.channel().kind()) {
                case COURSE -> "# General";
                case TOPIC -> "# " + entry.channel().name();
                case DIRECT -> messaging.names(user, entry.channel().id()).getOrDefault(entry.channel().otherThan(user.id()), "Someone");
            };
            Span title = new Span(name);
            title.addClassName("conversation-name");
            Span where = new Span(course + " · " + ClientTime.format(entry.lastMessageAt()));
            where.addClassName("chat-time");
            Div text = new Div(title, where);
            Anchor row = new Anchor("courses/" + entry.channel().courseId() + "/chat?channel=" + entry.channel().id(), text);
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
        if (list.getChildren().findAny().isEmpty()) {
            add(new EmptyState(com.vaadin.flow.component.icon.VaadinIcon.CHAT, "No conversations yet", "Open a course and its Chat to write to the class or to someone in it."));
        } else {
            add(list);
        }
    }
}
