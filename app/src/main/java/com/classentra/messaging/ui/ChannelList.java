package com.classentra.messaging.ui;

import com.classentra.messaging.Channel;
import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChatChannels;
import com.classentra.messaging.MessagingService;
import com.classentra.messaging.ChatChannels.ChannelSummary;
import com.classentra.messaging.ChatChannels.Contact;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The side of the chat: the course's channels, a teacher's "New channel", the person's direct conversations, each with
 * its unread count, and the way to write to someone of the course.
 */
class ChannelList extends Aside {

    private final transient ChatChannels chatChannels;
    private final transient MessagingService messaging;
    private final SignedInUser user;

    ChannelList(ChatChannels chatChannels, MessagingService messaging, SignedInUser user) {
        this.chatChannels = chatChannels;
        this.messaging = messaging;
        this.user = user;
        addClassName("chat-channels");
    }

    /**
     * @param open opens a channel (and a message in it, or null)
     * @param act  runs a change, showing a refusal
     */
    void show(UUID courseId, Channel current, boolean teaching, BiConsumer<UUID, UUID> open, Consumer<Runnable> act) {
        removeAll();
        List<ChannelSummary> channels = chatChannels.channels(user, courseId);
        add(sectionTitle("Channels"));
        channels.stream().filter(s -> s.channel().kind() != ChannelKind.DIRECT).forEach(s -> add(link(courseId, s, current)));
        if (teaching) {
            Button newTopic = new Button("New channel", VaadinIcon.PLUS.create(), e -> ChatDialogs.newTopic(chatChannels.contacts(user, courseId),
                    (name, members) -> open.accept(chatChannels.createTopic(user, courseId, name, members).id(), null)).open());
            newTopic.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add(newTopic);
        }
        add(sectionTitle("Direct messages"));
        channels.stream().filter(s -> s.channel().kind() == ChannelKind.DIRECT).forEach(s -> add(link(courseId, s, current)));
        ComboBox<Contact> someone = new ComboBox<>();
        someone.setPlaceholder("Message someone…");
        someone.setAriaLabel("Message someone of this course");
        someone.setItems(chatChannels.contacts(user, courseId));
        someone.setItemLabelGenerator(c -> c.name() + (c.teacher() ? " (teacher)" : ""));
        someone.setWidthFull();
        someone.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                act.accept(() -> open.accept(chatChannels.direct(user, courseId, e.getValue().id()).id(), null));
            }
        });
        add(someone);
    }

    /** How the channel is named in the list and the title: # for channels, @ and the other person for direct ones. */
    String label(Channel c) {
        return switch (c.kind()) {
            case COURSE -> "# General";
            case TOPIC -> "# " + c.name() + (c.members().isEmpty() ? "" : " 🔒");
            case DIRECT -> "@ " + messaging.names(user, c.id()).getOrDefault(c.otherThan(user.id()), "Someone");
        };
    }

    private static Span sectionTitle(String text) {
        Span title = new Span(text);
        title.addClassName("chat-channels-title");
        return title;
    }

    private RouterLink link(UUID courseId, ChannelSummary summary, Channel current) {
        // A router link: a plain link to the same view with another query is not followed by the client router.
        RouterLink link = new RouterLink(label(summary.channel()), ChatView.class, new RouteParameters("courseId", courseId.toString()));
        link.setQueryParameters(QueryParameters.of("channel", summary.channel().id().toString()));
        link.addClassName("chat-channel");
        if (summary.channel().id().equals(current.id())) {
            link.addClassName("current");
            link.getElement().setAttribute("aria-current", "page");
        }
        if (summary.unread() > 0) {
            Span unread = new Span(summary.unread() > 99 ? "99+" : String.valueOf(summary.unread()));
            unread.getElement().getThemeList().add("badge pill small primary");
            unread.getElement().setAttribute("aria-label", summary.unread() + " unread");
            link.add(unread);
        }
        return link;
    }
}
