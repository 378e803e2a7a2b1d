package com.classentra.messaging.ui;

import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.messaging.Channel;
import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChannelNotFoundException;
import com.classentra.messaging.ChatEvent;
import com.classentra.messaging.ChatMessage;
import com.classentra.messaging.ChatModeration;
import com.classentra.messaging.ChatReading;
import com.classentra.messaging.ChatSearch;
import com.classentra.messaging.MessagingRefusedException;
import com.classentra.messaging.ChatChannels;
import com.classentra.messaging.MessagingService;
import com.classentra.messaging.ChatChannels.ChannelSummary;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.LiveUpdate;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A course's chat: its channels and direct conversations with their unread counts, the open channel's latest messages
 * (earlier ones on request, or the page of a search hit), and the box to write in. What anyone posts, edits, reacts or
 * types, on any node, shows at once (Vaadin Push over ClusterEvents).
 */
@Route("courses/:courseId/chat")
@PermitAll
public class ChatView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final long TYPING_SHOWN_SECONDS = 6;

    private final transient ChatChannels channels;
    private final transient MessagingService messaging;
    private final transient ChatReading reading;
    private final transient ChatModeration moderation;
    private final transient ChatSearch search;
    private final SignedInUser user;
    private final ChannelList channelList;
    private final MessageList messageList;
    private final H2 channelTitle = new H2();
    private final ChatToolbar toolbar;
    private final Paragraph typingLine = new Paragraph();
    private final Composer composer;
    private final Map<UUID, Instant> typing = new ConcurrentHashMap<>();
    private UUID courseId;
    private Channel channel;
    private boolean teaching;
    private boolean moderator;
    private Map<UUID, String> names = Map.of();
    private UUID highlighted;
    private String title = "Chat · Classentra";
    private transient ClusterEvents.Subscription watching;
    private transient ClusterEvents.Subscription watchingCourse;

    public ChatView(ChatChannels channels, MessagingService messaging, ChatReading reading, ChatModeration moderation, ChatSearch search, FileService files,
            AuthenticationContext authentication) {
        this.channels = channels;
        this.messaging = messaging;
        this.reading = reading;
        this.moderation = moderation;
        this.search = search;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.channelList = new ChannelList(channels, messaging, user);
        this.toolbar = new ChatToolbar(channels, reading, moderation, search, user);
        this.composer = new Composer(new Composer.Target() {
            @Override
            public void post(String html, ChatMessage replyingTo, List<StagedUpload> files) {
                messaging.post(user, channel.id(), html, replyingTo == null ? null : replyingTo.id(), files);
                showLatest();
            }

            @Override
            public void edit(ChatMessage message, String html) {
                messaging.edit(user, message.id(), html);
                showLatest();
            }

            @Override
            public void typing() {
                reading.typing(user, channel.id());
            }
        }, files, MessagingService.MAX_FILES);
        this.messageList = new MessageList(new MessageList.Source() {
            @Override
            public List<ChatMessage> before(long seq) {
                return messaging.history(user, channel.id(), seq);
            }

            @Override
            public Component card(ChatMessage message, ChatMessage answered, boolean marked) {
                return new MessageCard(message, user.id(), moderator, names, answered, marked, new MessageActions());
            }

            @Override
            public void backToLatest() {
                showLatest();
            }
        });
        addClassNames("console", "chat-view");
        channelTitle.addClassName("chat-channel-title");
        typingLine.addClassName("chat-typing");
        typingLine.getElement().setAttribute("aria-live", "polite");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        try {
            courseId = UUID.fromString(event.getRouteParameters().get("courseId").orElse(""));
            List<String> asked = query.getOrDefault("channel", List.of());
            channel = asked.isEmpty() ? channels.courseChannel(user, courseId)
                    : channels.channels(user, courseId).stream().map(ChannelSummary::channel).filter(c -> c.id().toString().equals(asked.getFirst()))
                            .findFirst().orElseThrow(ChannelNotFoundException::new);
            teaching = channels.teaches(user, courseId);
            highlighted = query.getOrDefault("message", List.of()).stream().findFirst().map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException | ChannelNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This conversation does not exist or you are not in it.");
            return;
        }
        removeAll();
        typing.clear();
        // Another channel of the course reuses this view: nothing of the one shown before may count as shown.
        messageList.clear();
        Anchor back = new Anchor("courses/" + courseId, "← Back to the course");
        back.addClassName("back-link");
        Div heading = new Div(channelTitle, toolbar);
        heading.addClassName("chat-heading");
        Section conversation = new Section(heading, messageList, typingLine, composer);
        conversation.addClassName("chat-conversation");
        Div layout = new Div(channelList, conversation);
        layout.addClassName("chat-layout");
        add(back, new H1("Chat"), layout);
        composer.setReadOnly(false, null);
        moderator = messaging.moderates(user, channel);
        showHeading();
        showToolbar();
        if (highlighted != null) {
            showAround(highlighted);
        } else {
            showLatest();
        }
        // After marking the channel read: its own count shows nothing unread.
        showChannels();
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
        if (channel == null) {
            return;
        }
        watching = messaging.watch(user, channel.id(), (event, latest) -> LiveUpdate.of(ui, () -> {
            if (event.kind() == ChatEvent.Kind.TYPING) {
                if (!event.subject().equals(user.id())) {
                    typing.put(event.subject(), Instant.now());
                    showTyping();
                    CompletableFuture.delayedExecutor(TYPING_SHOWN_SECONDS, TimeUnit.SECONDS).execute(() -> LiveUpdate.of(ui, this::showTyping));
                }
            } else if (highlighted == null) {
                if (event.kind() == ChatEvent.Kind.POSTED) {
                    typing.clear();
                    showTyping();
                }
                // Only something new is read: an edit, a reaction or someone's reading changes what the page shows, nothing more.
                showPage(latest, event.kind() == ChatEvent.Kind.POSTED);
            }
        }));
        // Elsewhere in the course (another channel, a new direct conversation): the unread counts change.
        watchingCourse = channels.watchCourse(user, courseId, channelId -> {
            if (!channelId.equals(channel.id())) {
                LiveUpdate.of(ui, this::showChannels);
            }
        });
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
        channelList.show(courseId, channel, teaching, this::open, this::act);
    }

    private void showToolbar() {
        toolbar.show(courseId, channel, teaching, this::open, this::act);
    }

    private void open(UUID channelId, UUID messageId) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("channel", channelId.toString());
        if (messageId != null) {
            query.put("message", messageId.toString());
        }
        UI.getCurrent().navigate("courses/" + courseId + "/chat", QueryParameters.simple(query));
    }

    private void showTyping() {
        Instant recent = Instant.now().minusSeconds(TYPING_SHOWN_SECONDS);
        typing.values().removeIf(at -> at.isBefore(recent));
        if (typing.isEmpty()) {
            typingLine.setText("");
            return;
        }
        if (!names.keySet().containsAll(typing.keySet())) {
            names = messaging.names(user, channel.id());
        }
        List<String> who = typing.keySet().stream().map(id -> names.getOrDefault(id, "Someone")).sorted().toList();
        typingLine.setText(who.size() == 1 ? who.getFirst() + " is typing…" : String.join(" and ", who) + " are typing…");
    }

    /** Shows the latest messages, re-drawing only when something changed (a click on the page is never lost to a redraw for nothing). */
    private void showLatest() {
        showPage(messaging.history(user, channel.id(), null), true);
    }

    /** Shows the channel's latest page (as read here, or handed over by its feed), and marks it read when {@code read}. */
    private void showPage(List<ChatMessage> latest, boolean read) {
        // A page handed over by the channel's feed was read for everyone: first make sure this person still reads the
        // channel (marking it read checks, in their own scope), and stop when they no longer do (they left the course).
        try {
            if (read) {
                // Notifications lead here from a direct message or a mention: those are read now too.
                boolean notified = channel.kind() == ChannelKind.DIRECT || latest.stream().anyMatch(m -> m.mentions().contains(user.id()));
                reading.markRead(user, channel.id(), notified);
            } else if (!messaging.reads(user, channel.id())) {
                throw new ChannelNotFoundException();
            }
        } catch (ChannelNotFoundException gone) {
            stopFollowing();
            composer.setReadOnly(true, "You no longer take part in this conversation.");
            return;
        }
        highlighted = null;
        names = messaging.names(user, channel.id());
        messageList.latest(latest);
    }

    /** The page that ends with a message found by search or reported, that message marked. */
    private void showAround(UUID messageId) {
        List<ChatMessage> page = messaging.around(user, channel.id(), messageId);
        names = messaging.names(user, channel.id());
        messageList.replace(page, messageId);
        reading.markRead(user, channel.id());
    }

    private void showHeading() {
        title = channelList.label(channel) + " · Chat · Classentra";
        getUI().ifPresent(ui -> ui.getPage().setTitle(title));
        channelTitle.setText(channelList.label(channel));
        if (channel.kind() == ChannelKind.DIRECT) {
            Span privately = new Span("only the two of you read this");
            privately.addClassName("chat-time");
            channelTitle.add(privately);
        }
    }

    /** The message actions of the open channel, each followed by a redraw, a refusal shown as a notification. */
    private final class MessageActions implements MessageCard.Actions {

        @Override
        public void react(ChatMessage message, String emoji) {
            act(message, () -> messaging.react(user, message.id(), emoji));
        }

        @Override
        public void unreact(ChatMessage message, String emoji) {
            act(message, () -> messaging.unreact(user, message.id(), emoji));
        }

        @Override
        public void reply(ChatMessage message) {
            composer.replyTo(message, names.getOrDefault(message.authorId(), "Deleted account"));
        }

        @Override
        public void edit(ChatMessage message) {
            composer.edit(message);
        }

        @Override
        public void delete(ChatMessage message) {
            act(message, () -> messaging.delete(user, message.id()));
        }

        @Override
        public void pin(ChatMessage message, boolean pinned) {
            act(message, () -> moderation.pin(user, message.id(), pinned));
        }

        @Override
        public void report(ChatMessage message) {
            ChatDialogs.report(reason -> {
                moderation.report(user, message.id(), reason);
                Notification.show("Reported to the course's teachers.");
            }).open();
        }

        @Override
        public void muteAuthor(ChatMessage message) {
            String who = names.getOrDefault(message.authorId(), "Someone");
            ChatDialogs.mute(who, duration -> {
                moderation.mute(user, channel.id(), message.authorId(), duration);
                Notification.show(duration.isZero() ? who + " may post again." : who + " cannot post here for now.");
            }).open();
        }
    }

    private void act(Runnable change) {
        act(null, change);
    }

    /** Makes a change and shows it: on the latest page, or where the message is when the person scrolled up to it. */
    private void act(ChatMessage about, Runnable change) {
        try {
            change.run();
            if (highlighted != null) {
                showAround(highlighted);
                return;
            }
            showLatest();
            if (about != null && messageList.aboveLatest(about)) {
                messageList.update(messaging.around(user, channel.id(), about.id()));
            }
        } catch (MessagingRefusedException refused) {
            Notification.show(refused.getMessage());
        }
    }
}
