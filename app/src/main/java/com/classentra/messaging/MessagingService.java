package com.classentra.messaging;

import static com.classentra.db.jooq.Tables.MESSAGE;

import com.classentra.accounts.People;
import com.classentra.courses.CourseParticipants;
import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.StoredFileInfo;
import com.classentra.courses.CourseParticipants.CoursePlace;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.security.SignedInUser;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Record;
import org.springframework.stereotype.Service;


/**
 * Course chat: the course's own channel, which everyone of the course reads; direct channels between two people who
 * share the course (between students only where the teacher allows it); messages with sanitised rich text, replies one
 * level deep, edits, deletions that keep the place, reactions and read markers. Row-level security decides which
 * channels a person reads; this checks what they may do there.
 */
@Service
public class MessagingService {

    /** The longest message, in characters of text. */
    public static final int MAX_TEXT = 8000;
    /** How many people a channel may have for "seen by" names; larger channels show counts only. */
    public static final int SEEN_BY_LIMIT = 20;
    /** The most files one message carries. */
    public static final int MAX_FILES = ChatInput.MAX_FILES;
    /** How many messages a page of history holds. */
    public static final int PAGE = 50;

    private final MessageRepository messages;
    private final CourseParticipants courses;
    private final ChatAccess access;
    private final PlatformScope platformScope;
    private final RateLimiter rateLimiter;
    private final ClusterEvents events;
    private final People people;
    private final ChatMentions mentions;
    private final ChatNotifications notifications;
    private final FileService files;
    private final ChatFeeds feeds;

    MessagingService(MessageRepository messages, CourseParticipants courses, ChatAccess access, PlatformScope platformScope, RateLimiter rateLimiter,
            ClusterEvents events, People people, ChatMentions mentions, ChatNotifications notifications, FileService files) {
        this.files = files;
        this.feeds = new ChatFeeds(events, this::latestForWatchers);
        this.events = events;
        this.people = people;
        this.mentions = mentions;
        this.notifications = notifications;
        this.messages = messages;
        this.courses = courses;
        this.access = access;
        this.platformScope = platformScope;
        this.rateLimiter = rateLimiter;
    }

    /** Whether the person reads the channel now (an open page asks before it shows what its feed handed it). */
    public boolean reads(SignedInUser user, UUID channelId) {
        return as(user, () -> messages.channel(channelId)).isPresent();
    }

    /** Whether the person moderates this channel: a teacher of its course, in any but a direct channel. */
    public boolean moderates(SignedInUser user, Channel channel) {
        return access.moderates(user, channel);
    }

    /**
     * Posts a message: sanitised, at most {@value #MAX_TEXT} characters of text, into a channel the person reads of a
     * course that is not archived; a reply goes under the message it answers (or under that one's parent: one level).
     */
    public ChatMessage post(SignedInUser user, UUID channelId, String html, UUID replyTo) {
        return post(user, channelId, html, replyTo, List.of());
    }

    /**
     * Posts a message with files (already staged by the upload rules of course files, at most {@value #MAX_FILES});
     * with files, the text may be empty. The caller discards the staged files afterwards, whatever happened.
     */
    public ChatMessage post(SignedInUser user, UUID channelId, String html, UUID replyTo, List<StagedUpload> attachments) {
        Channel channel = readable(user, channelId);
        access.requireMayPost(user, channel);
        ChatInput.Body body = ChatInput.body(html, !attachments.isEmpty());
        ChatInput.requireFewFiles(attachments);
        rateLimiter.requireAllowed(RateLimitRule.CHAT_POSTS, user.id().toString());
        List<UUID> mentioned = mentions.in(user, channel, body.text());
        return as(user, () -> {
            UUID parent = null;
            if (replyTo != null) {
                MessageRepository.Stored answered = messages.message(replyTo).filter(m -> m.channelId().equals(channelId))
                        .orElseThrow(() -> new MessagingRefusedException("The message you answer is not in this channel."));
                parent = answered.parentId() != null ? answered.parentId() : answered.id();
            }
            UUID id = messages.insertMessage(channel, user.id(), parent, body.html(), body.text(), body.flagged(), mentioned);
            files.attachToMessage(channel.tenantId(), channel.courseId(), id, user.id(), attachments);
            notifications.posted(user, channel, mentioned);
            announce(channel, ChatEvent.Kind.POSTED, id);
            return shown(channel, List.of(pageRow(channelId, id))).getFirst();
        });
    }

    /** Changes the text of one's own message; it shows as edited, and whom it now mentions for the first time hears of it. */
    public void edit(SignedInUser user, UUID messageId, String html) {
        MessageRepository.Stored message = stored(user, messageId);
        if (!user.id().equals(message.authorId())) {
            throw new MessagingRefusedException("You can edit only your own messages.");
        }
        Channel channel = readable(user, message.channelId());
        access.requireMayPost(user, channel);
        ChatInput.Body body = ChatInput.body(html, false);
        List<UUID> mentioned = mentions.in(user, channel, body.text());
        as(user, () -> {
            if (messages.edit(messageId, body.html(), body.text(), body.flagged(), mentioned)) {
                notifications.posted(user, channel, mentioned.stream().filter(id -> !message.mentions().contains(id)).toList());
                announce(channel, ChatEvent.Kind.EDITED, messageId);
            }
            return null;
        });
    }

    /** Deletes a message's content, keeping its place ("message deleted"): its author, or a teacher outside direct channels. */
    public void delete(SignedInUser user, UUID messageId) {
        MessageRepository.Stored message = stored(user, messageId);
        Channel channel = readable(user, message.channelId());
        if (!user.id().equals(message.authorId()) && !access.moderates(user, channel)) {
            throw new MessagingRefusedException("You can delete only your own messages.");
        }
        as(user, () -> {
            if (messages.delete(messageId, user.id())) {
                // Its files go with its content; their objects are purged by the file purge queue.
                files.deleteFilesOfMessage(messageId);
                announce(channel, ChatEvent.Kind.DELETED, messageId);
            }
            return null;
        });
    }

    /** Reacts with an emoji; reacting again with the same one changes nothing. */
    public void react(SignedInUser user, UUID messageId, String emoji) {
        String chosen = ChatInput.emoji(emoji);
        MessageRepository.Stored message = stored(user, messageId);
        if (message.deleted()) {
            throw new MessagingRefusedException("This message was deleted.");
        }
        Channel channel = readable(user, message.channelId());
        requireOpen(user, channel);
        as(user, () -> messages.react(messageId, channel, user.id(), chosen) && announce(channel, ChatEvent.Kind.REACTED, messageId));
    }

    public void unreact(SignedInUser user, UUID messageId, String emoji) {
        MessageRepository.Stored message = stored(user, messageId);
        Channel channel = readable(user, message.channelId());
        as(user, () -> messages.unreact(message.id(), user.id(), ChatInput.emoji(emoji)) && announce(channel, ChatEvent.Kind.REACTED, messageId));
    }

    /** The messages before {@code beforeSeq} (null: the latest), oldest first, at most {@value #PAGE}; a search hit's own page is the one before its seq + 1. */
    public List<ChatMessage> history(SignedInUser user, UUID channelId, Long beforeSeq) {
        Channel channel = readable(user, channelId);
        return as(user, () -> {
            List<Record> rows = new ArrayList<>(messages.page(channelId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, PAGE));
            Collections.reverse(rows);
            return shown(channel, rows);
        });
    }

    /** The page of history that ends with this message of the channel (a search hit, a report), oldest first. */
    public List<ChatMessage> around(SignedInUser user, UUID channelId, UUID messageId) {
        Channel channel = readable(user, channelId);
        return as(user, () -> {
            long seq = messages.seqOf(channelId, messageId).orElseThrow(ChannelNotFoundException::new);
            List<Record> rows = new ArrayList<>(messages.page(channelId, seq + 1, PAGE));
            Collections.reverse(rows);
            return shown(channel, rows);
        });
    }

    /** What an open page of a channel hears of it. */
    public interface ChannelWatcher {
        /** Something happened in the channel; {@code latest} is its latest page after it, null when someone is typing. */
        void changed(ChatEvent event, List<ChatMessage> latest);
    }

    /**
     * Calls {@code watcher} with each change in the channel, on any node, while the subscription lasts, with the
     * channel's latest page, read once on this node for every page that shows the channel. The person must read the
     * channel now; a page checks again whenever it marks what it read ({@link ChatReading#markRead}).
     */
    public ClusterEvents.Subscription watch(SignedInUser user, UUID channelId, ChannelWatcher watcher) {
        readable(user, channelId);
        return feeds.watch(channelId, watcher::changed);
    }

    /** The channel's latest page as everyone who reads the channel sees it: for the open pages of it (platform scope). */
    private List<ChatMessage> latestForWatchers(UUID channelId) {
        return platformScope.inTransaction(null, "the latest page of a chat channel, for its open pages", () -> messages.channel(channelId)
                .map(channel -> {
                    List<Record> rows = new ArrayList<>(messages.page(channelId, Long.MAX_VALUE, PAGE));
                    Collections.reverse(rows);
                    return shown(channel, rows);
                }).orElse(List.of()));
    }

    /**
     * The names of the people of a channel the person reads: who wrote or reacted there (as the person reads it), its
     * members, and for a channel of the whole course everyone who takes part (who may be typing). Classmates cannot read
     * each other's accounts, so the names are read in the platform scope, for these people only.
     */
    public Map<UUID, String> names(SignedInUser user, UUID channelId) {
        Channel channel = readable(user, channelId);
        java.util.Set<UUID> ids = new java.util.HashSet<>(channel.members());
        if (channel.audience() == ChannelAudience.COURSE) {
            ids.addAll(courses.everyone(user, place(user, channel.courseId())));
        }
        ids.addAll(as(user, () -> messages.peopleOf(channelId)));
        ids.add(user.id());
        return platformScope.inTransaction(null, "names of the people of a channel", () -> people.visible(ids)).values().stream()
                .collect(java.util.stream.Collectors.toMap(People.Person::id, People.Person::name));
    }

    /** Whether the channel shows who has read what: direct conversations and channels of few chosen members. */
    static boolean showsSeenBy(Channel channel) {
        return channel.kind() == ChannelKind.DIRECT || channel.audience() == ChannelAudience.MEMBERS && channel.members().size() <= SEEN_BY_LIMIT;
    }

    /**
     * Tells the channel's open pages, when the transaction commits, that the person read further: only where the channel
     * shows "seen by" (elsewhere nothing any page shows changes, and 500 readers would set 500 pages re-reading).
     */
    void announceSeen(Channel channel, UUID reader) {
        if (showsSeenBy(channel)) {
            events.publish(ChatEvent.topic(channel.id()), new ChatEvent(ChatEvent.Kind.READ, reader).payload());
        }
    }

    /** Tells every node, when the transaction commits: the channel's watchers what happened, the course's that something did. */
    boolean announce(Channel channel, ChatEvent.Kind kind, UUID subject) {
        events.publish(ChatEvent.topic(channel.id()), new ChatEvent(kind, subject).payload());
        events.publish(ChatEvent.courseTopic(channel.courseId()), channel.id().toString());
        return true;
    }

    private List<ChatMessage> shown(Channel channel, List<Record> rows) {
        List<UUID> ids = rows.stream().map(r -> r.get(MESSAGE.ID)).toList();
        Map<UUID, Map<String, List<UUID>>> reactions = ids.isEmpty() ? Map.of() : messages.reactions(ids);
        Map<UUID, List<StoredFileInfo>> attached = files.filesOfMessages(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(StoredFileInfo::owner));
        // "Seen by" names only where they stay few; larger channels show counts (a marker per person, never per message).
        Map<UUID, Long> markers = showsSeenBy(channel) ? messages.readMarkers(channel.id()) : Map.of();
        return rows.stream().map(r -> {
            long seq = r.get(MESSAGE.SEQ);
            UUID author = r.get(MESSAGE.AUTHOR_ID);
            List<UUID> seenBy = markers.entrySet().stream().filter(e -> e.getValue() >= seq && !e.getKey().equals(author)).map(Map.Entry::getKey)
                    .sorted().toList();
            return new ChatMessage(r.get(MESSAGE.ID), seq, channel.id(), author, r.get(MESSAGE.PARENT_ID), r.get(MESSAGE.BODY_HTML),
                    r.get(MESSAGE.CREATED_AT).toInstant(), Optional.ofNullable(r.get(MESSAGE.EDITED_AT)).map(OffsetDateTime::toInstant).orElse(null),
                    r.get(MESSAGE.DELETED_AT) != null, r.get(MESSAGE.PINNED_AT) != null, r.get(MESSAGE.FLAGGED) != null,
                    reactions.getOrDefault(r.get(MESSAGE.ID), Map.of()), seenBy, List.of(r.get(MESSAGE.MENTIONS)),
                    attached.getOrDefault(r.get(MESSAGE.ID), List.of()));
        }).toList();
    }

    private Record pageRow(UUID channelId, UUID messageId) {
        return messages.page(channelId, Long.MAX_VALUE, PAGE).stream().filter(r -> r.get(MESSAGE.ID).equals(messageId)).findFirst().orElseThrow();
    }

    private CoursePlace place(SignedInUser user, UUID courseId) {
        return access.place(user, courseId);
    }

    private Channel readable(SignedInUser user, UUID channelId) {
        return access.readable(user, channelId);
    }

    private MessageRepository.Stored stored(SignedInUser user, UUID messageId) {
        return access.stored(user, messageId);
    }

    private void requireOpen(SignedInUser user, Channel channel) {
        access.requireOpen(user, channel);
    }

    private <T> T as(SignedInUser user, Supplier<T> work) {
        return access.as(user, work);
    }
}
