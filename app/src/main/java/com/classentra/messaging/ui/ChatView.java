package com.classentra.messaging.ui;

import com.classentra.messaging.Channel;
import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChannelNotFoundException;
import com.classentra.messaging.ChatMessage;
import com.classentra.messaging.ChatText;
import com.classentra.messaging.MessagingRefusedException;
import com.classentra.messaging.MessagingService;
import com.classentra.messaging.MessagingService.ChannelSummary;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A course's chat: its channels with their unread counts, the open channel's latest messages (earlier ones on
 * request), and the box to write in. What anyone posts, on any node, shows at once (Vaadin Push).
 */
@Route("courses/:courseId/chat")
@PermitAll
public class ChatView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient MessagingService messaging;
    private final SignedInUser user;
    private final Aside channelList = new Aside();
    private final Div messageList = new Div();
    private final Paragraph channelTitle = new Paragraph();
    private final TextArea compose = new TextArea();
    private final Button send = new Button("Send");
    private final List<ChatMessage> shown = new ArrayList<>();
    private UUID courseId;
    private Channel channel;
    private String title = "Chat · Classentra";
    private transient ClusterEvents.Subscription watching;
    private transient ClusterEvents.Subscription watchingCourse;

    public ChatView(MessagingService messaging, AuthenticationContext authentication) {
        this.messaging = messaging;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassNames("console", "chat-view");
        channelList.addClassName("chat-channels");
        messageList.addClassName("chat-messages");
        channelTitle.addClassName("chat-channel-title");
        compose.setPlaceholder("Write a message. **bold**, *italics*, `code`; Ctrl+Enter sends.");
        compose.setAriaLabel("Message");
        compose.setMaxLength(MessagingService.MAX_TEXT);
        compose.setWidthFull();
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> post());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            courseId = UUID.fromString(event.getRouteParameters().get("courseId").orElse(""));
            List<String> asked = event.getLocation().getQueryParameters().getParameters().getOrDefault("channel", List.of());
            channel = asked.isEmpty() ? messaging.courseChannel(user, courseId)
                    : messaging.channels(user, courseId).stream().map(ChannelSummary::channel).filter(c -> c.id().toString().equals(asked.getFirst()))
                            .findFirst().orElseThrow(ChannelNotFoundException::new);
        } catch (IllegalArgumentException | ChannelNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This conversation does not exist or you are not in it.");
            return;
        }
        title = "Chat · Classentra";
        removeAll();
        Anchor back = new Anchor("courses/" + courseId, "← Back to the course");
        back.addClassName("back-link");
        Div composer = new Div(compose, send);
        composer.addClassName("chat-composer");
        Section conversation = new Section(channelTitle, messageList, composer);
        conversation.addClassName("chat-conversation");
        Div layout = new Div(channelList, conversation);
        layout.addClassName("chat-layout");
        add(back, new H1("Chat"), layout);
        showChannels();
        showLatest();
        // The same view is kept when another channel of the course is opened: follow the one now shown.
        if (isAttached()) {
            follow(UI.getCurrent());
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        follow(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
    }

    /** Shows what happens in the open channel as it happens, from whichever node it comes. */
    private void follow(UI ui) {
        stopFollowing();
        if (channel != null) {
            watching = messaging.watch(user, channel.id(), event -> ui.access(this::showLatest));
            // Elsewhere in the course (another channel, a new direct conversation): the unread counts change.
            watchingCourse = messaging.watchCourse(user, courseId, channelId -> {
                if (!channelId.equals(channel.id())) {
                    ui.access(this::showChannels);
                }
            });
        }
    }

    private void stopFollowing() {
        for (ClusterEvents.Subscription subscription : new ClusterEvents.Subscription[] {watching, watchingCourse}) {
            if (subscription != null) {
                subscription.cancel();
            }
        }
        watching = null;
        watchingCourse = null;
    }

    private void showChannels() {
        channelList.removeAll();
        for (ChannelSummary summary : messaging.channels(user, courseId)) {
            Anchor link = new Anchor("courses/" + courseId + "/chat?channel=" + summary.channel().id(), label(summary.channel()));
            link.addClassName("chat-channel");
            if (summary.channel().id().equals(channel.id())) {
                link.addClassName("current");
                link.getElement().setAttribute("aria-current", "page");
            }
            if (summary.unread() > 0) {
                Span unread = new Span(String.valueOf(summary.unread()));
                unread.getElement().getThemeList().add("badge pill small primary");
                unread.getElement().setAttribute("aria-label", summary.unread() + " unread");
                link.add(unread);
            }
            channelList.add(link);
        }
    }

    private String label(Channel c) {
        return switch (c.kind()) {
            case COURSE -> "# General";
            case TOPIC -> "# " + c.name();
            case DIRECT -> "@ " + messaging.names(user, c.id()).getOrDefault(c.otherThan(user.id()), "Someone");
        };
    }

    /** Shows the latest messages, re-drawing only when something changed (a click on the page is never lost to a redraw for nothing). */
    private void showLatest() {
        List<ChatMessage> latest = messaging.history(user, channel.id(), null);
        boolean unchanged = shown.size() >= latest.size() && shown.subList(shown.size() - latest.size(), shown.size()).equals(latest)
                && !(shown.isEmpty() && messageList.getChildren().findAny().isEmpty());
        if (!unchanged) {
            shown.clear();
            shown.addAll(latest);
            render();
        }
        messaging.markRead(user, channel.id());
    }

    private void showEarlier() {
        if (shown.isEmpty()) {
            return;
        }
        List<ChatMessage> earlier = new ArrayList<>(messaging.history(user, channel.id(), shown.getFirst().seq()));
        earlier.addAll(shown);
        shown.clear();
        shown.addAll(earlier);
        render();
    }

    private void render() {
        channelTitle.setText(label(channel) + (channel.kind() == ChannelKind.DIRECT ? " · only the two of you read this" : ""));
        Map<UUID, String> names = messaging.names(user, channel.id());
        messageList.removeAll();
        if (shown.size() >= 50) {
            Button earlier = new Button("Show earlier messages", e -> showEarlier());
            earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            messageList.add(earlier);
        }
        if (shown.isEmpty()) {
            messageList.add(new Paragraph("No messages yet. Say hello."));
        }
        for (ChatMessage message : shown) {
            messageList.add(message(message, names));
        }
        messageList.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private Div message(ChatMessage message, Map<UUID, String> names) {
        Span author = new Span(names.getOrDefault(message.authorId(), "Deleted account"));
        author.addClassName("chat-author");
        Span time = new Span(ClientTime.format(message.createdAt()) + (message.editedAt() != null ? " · edited" : ""));
        time.addClassName("chat-time");
        Div card = new Div(new Div(author, time));
        card.addClassName("chat-message");
        if (message.parentId() != null) {
            card.addClassName("reply");
        }
        if (message.deleted()) {
            Paragraph gone = new Paragraph("Message deleted");
            gone.addClassName("chat-deleted");
            card.add(gone);
            return card;
        }
        card.add(new Html("<div class=\"chat-body\">" + message.bodyHtml() + "</div>"));
        Div actions = new Div();
        actions.addClassName("chat-actions");
        message.reactions().forEach((emoji, people) -> {
            boolean mine = people.contains(user.id());
            Button reaction = new Button(emoji + " " + people.size(), e -> act(() -> {
                if (mine) {
                    messaging.unreact(user, message.id(), emoji);
                } else {
                    messaging.react(user, message.id(), emoji);
                }
            }));
            reaction.addThemeVariants(ButtonVariant.LUMO_SMALL, mine ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            reaction.getElement().setAttribute("title", String.join(", ", people.stream().map(id -> names.getOrDefault(id, "Someone")).toList()));
            actions.add(reaction);
        });
        if (!message.reactions().containsKey("👍")) {
            Button thumbs = new Button("👍", e -> act(() -> messaging.react(user, message.id(), "👍")));
            thumbs.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            thumbs.setAriaLabel("React with thumbs up");
            actions.add(thumbs);
        }
        if (user.id().equals(message.authorId())) {
            Button delete = new Button("Delete", e -> act(() -> messaging.delete(user, message.id())));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(delete);
        }
        card.add(actions);
        if (!message.seenBy().isEmpty() && user.id().equals(message.authorId())) {
            Span seen = new Span("Seen by " + String.join(", ", message.seenBy().stream().map(id -> names.getOrDefault(id, "someone")).toList()));
            seen.addClassName("chat-seen");
            card.add(seen);
        }
        return card;
    }

    private void post() {
        try {
            messaging.post(user, channel.id(), ChatText.toHtml(compose.getValue()), null);
            compose.clear();
            compose.setInvalid(false);
            showLatest();
        } catch (MessagingRefusedException | RateLimitedException refused) {
            compose.setErrorMessage(refused.getMessage());
            compose.setInvalid(true);
        }
    }

    private void act(Runnable change) {
        try {
            change.run();
            showLatest();
        } catch (MessagingRefusedException refused) {
            com.vaadin.flow.component.notification.Notification.show(refused.getMessage());
        }
    }
}
