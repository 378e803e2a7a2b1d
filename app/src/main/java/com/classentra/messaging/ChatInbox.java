package com.classentra.messaging;

import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The person's conversations across all their courses: the Messages page and the unread count in the navigation bar. */
@Service
public class ChatInbox {

    private final MessageRepository messages;
    private final ChatAccess access;
    private final ClusterEvents events;

    ChatInbox(MessageRepository messages, ChatAccess access, ClusterEvents events) {
        this.messages = messages;
        this.access = access;
        this.events = events;
    }

    /**
     * A conversation with messages in it.
     *
     * @param unread how many messages of others the person has not read, at most 100 ("99+")
     */
    public record Entry(Channel channel, int unread, Instant lastMessageAt) {
    }

    /** Every conversation the person reads that has messages, most recent first. */
    public List<Entry> conversations(SignedInUser user) {
        return access.as(user, () -> messages.inbox(user.id())).stream().map(row -> new Entry(row.channel(), row.unread(), row.lastMessageAt())).toList();
    }

    /** Unread messages over all conversations, as a badge counts them. */
    public int unread(SignedInUser user) {
        return conversations(user).stream().mapToInt(Entry::unread).sum();
    }

    /**
     * Calls {@code onActivity} whenever something happens in a chat of these courses (the person's own), on any node; the
     * caller re-reads its counts in the person's scope.
     */
    public List<ClusterEvents.Subscription> watch(Collection<UUID> courseIds, Consumer<UUID> onActivity) {
        return courseIds.stream().map(courseId -> events.subscribe(ChatEvent.courseTopic(courseId), payload -> onActivity.accept(courseId))).toList();
    }
}
