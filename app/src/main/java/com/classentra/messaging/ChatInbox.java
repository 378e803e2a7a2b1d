package com.classentra.messaging;

import com.classentra.accounts.People;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The person's conversations across all their courses: the Messages page, the unread conversations on the dashboards
 * and the unread count in the navigation bar.
 */
@Service
public class ChatInbox {

    private final MessageRepository messages;
    private final ChatAccess access;
    private final ClusterEvents events;
    private final CourseService courses;
    private final People people;
    private final PlatformScope platformScope;

    ChatInbox(MessageRepository messages, ChatAccess access, ClusterEvents events, CourseService courses, People people, PlatformScope platformScope) {
        this.messages = messages;
        this.access = access;
        this.events = events;
        this.courses = courses;
        this.people = people;
        this.platformScope = platformScope;
    }

    /**
     * A conversation with messages in it.
     *
     * @param title       "# General", "# <topic>", or the other person's name in a direct conversation
     * @param courseTitle the course it belongs to
     * @param unread      how many messages of others the person has not read, at most 100 ("99+")
     */
    public record Entry(Channel channel, String title, String courseTitle, int unread, Instant lastMessageAt) {

        /** Where the conversation opens. */
        public String link() {
            return "courses/" + channel.courseId() + "/chat?channel=" + channel.id();
        }
    }

    /** Every conversation the person reads that has messages, most recent first; a handful of statements however many. */
    public List<Entry> conversations(SignedInUser user) {
        List<MessageRepository.InboxRow> rows = access.as(user, () -> messages.inbox(user.id()));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> courseTitles = courses.coursesOf(user).stream().collect(Collectors.toMap(CourseSummary::id, CourseSummary::title));
        Set<UUID> others = rows.stream().map(MessageRepository.InboxRow::channel).filter(c -> c.kind() == ChannelKind.DIRECT)
                .map(c -> c.otherThan(user.id())).collect(Collectors.toSet());
        // Classmates cannot read each other's accounts: the names of these people only, in the platform scope.
        Map<UUID, People.Person> names = others.isEmpty() ? Map.of()
                : platformScope.inTransaction(null, "names of the other people of one's direct conversations", () -> people.visible(others));
        return rows.stream().map(row -> new Entry(row.channel(), title(row.channel(), user, names),
                courseTitles.getOrDefault(row.channel().courseId(), "A course"), row.unread(), row.lastMessageAt())).toList();
    }

    /** The conversations with something unread, most recent first. */
    public List<Entry> unreadConversations(SignedInUser user) {
        return conversations(user).stream().filter(entry -> entry.unread() > 0).toList();
    }

    /** Unread messages over all conversations, as a badge counts them. */
    public int unread(SignedInUser user) {
        return access.as(user, () -> messages.inbox(user.id())).stream().mapToInt(MessageRepository.InboxRow::unread).sum();
    }

    /**
     * Calls {@code onActivity} whenever something happens in a chat of the person's courses, on any node; the caller
     * re-reads its counts in the person's scope. Courses joined later are followed once the caller watches again.
     */
    public List<ClusterEvents.Subscription> watch(SignedInUser user, Runnable onActivity) {
        return courses.coursesOf(user).stream()
                .map(course -> events.subscribe(ChatEvent.courseTopic(course.id()), payload -> onActivity.run())).toList();
    }

    private static String title(Channel channel, SignedInUser user, Map<UUID, People.Person> names) {
        return switch (channel.kind()) {
            case COURSE -> "# General";
            case TOPIC -> "# " + channel.name();
            case DIRECT -> {
                People.Person other = names.get(channel.otherThan(user.id()));
                yield other == null ? "Someone" : other.name();
            }
        };
    }
}
