package com.classentra.messaging;

import com.classentra.accounts.People;
import com.classentra.courses.CourseParticipants;
import com.classentra.courses.CourseParticipants.CoursePlace;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The channels of a course: its own channel, which everyone of the course reads; topic channels a teacher makes for the
 * course or for chosen members; direct channels between two people who share the course (between students only where
 * the teacher allows it); and whom the person may write to. What is said in them is {@link MessagingService}'s.
 */
@Service
public class ChatChannels {

    private final MessageRepository messages;
    private final CourseParticipants courses;
    private final ChatAccess access;
    private final PlatformScope platformScope;
    private final ClusterEvents events;
    private final People people;

    ChatChannels(MessageRepository messages, CourseParticipants courses, ChatAccess access, PlatformScope platformScope, ClusterEvents events,
            People people) {
        this.messages = messages;
        this.courses = courses;
        this.access = access;
        this.platformScope = platformScope;
        this.events = events;
        this.people = people;
    }

    /** The course's own channel, made the first time anyone of the course opens it. */
    public Channel courseChannel(SignedInUser user, UUID courseId) {
        CoursePlace course = place(user, courseId);
        return as(user, () -> messages.courseChannel(courseId)).orElseGet(() -> {
            // Made by the platform: a student may open it first, and only the workspace may make course channels.
            platformScope.inTransaction(null, "open a course's channel", () -> {
                messages.insert(new Channel(UUID.randomUUID(), course.tenantId(), courseId, ChannelKind.COURSE, ChannelAudience.COURSE, null, null,
                        List.of(), false), null);
                return null;
            });
            return as(user, () -> messages.courseChannel(courseId)).orElseThrow(ChannelNotFoundException::new);
        });
    }

    /** The channels of the course the person reads, each with its unread count. */
    public List<ChannelSummary> channels(SignedInUser user, UUID courseId) {
        courseChannel(user, courseId);
        return as(user, () -> {
            List<Channel> channels = messages.channels(courseId);
            Map<UUID, Integer> unread = messages.unread(channels.stream().map(Channel::id).toList(), user.id());
            return channels.stream().map(channel -> new ChannelSummary(channel, unread.getOrDefault(channel.id(), 0))).toList();
        });
    }

    /** A channel and how many of its messages the person has not read. */
    public record ChannelSummary(Channel channel, int unread) {
    }

    /** Someone of the course the person may write to directly. */
    public record Contact(UUID id, String name, boolean teacher) {
    }

    /** The people of the course the person may start a direct conversation with, teachers first, then by name. */
    public List<Contact> contacts(SignedInUser user, UUID courseId) {
        CoursePlace course = place(user, courseId);
        Set<UUID> teachers = courses.teachers(user, course);
        boolean studentsToo = course.teaching() || courseChannel(user, courseId).studentsMayMessageEachOther();
        Set<UUID> reachable = studentsToo ? courses.everyone(user, course) : teachers;
        reachable.remove(user.id());
        return platformScope.inTransaction(null, "names of the people one may write to in a course", () -> people.visible(reachable)).values().stream()
                .map(person -> new Contact(person.id(), person.name(), teachers.contains(person.id())))
                .sorted(Comparator.comparing((Contact c) -> !c.teacher()).thenComparing(Contact::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Whether the person teaches the course, and so makes topics, moderates its channels and reads its reports. */
    public boolean teaches(SignedInUser user, UUID courseId) {
        return place(user, courseId).teaching();
    }

    /** Lets the course's students write to each other directly, or stops new such conversations. Teachers only. */
    public void allowStudentDirectMessages(SignedInUser teacher, UUID courseId, boolean allowed) {
        Channel channel = courseChannel(teacher, courseId);
        access.requireTeacher(teacher, courseId);
        as(teacher, () -> {
            messages.allowStudentDirectMessages(channel.id(), allowed);
            return null;
        });
    }

    /**
     * A topic channel a teacher makes in the course: for the whole course (no members given), or for the chosen people
     * of the course only (the teacher included).
     */
    public Channel createTopic(SignedInUser teacher, UUID courseId, String name, List<UUID> members) {
        CoursePlace course = place(teacher, courseId);
        access.requireTeacher(teacher, courseId);
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 80) {
            throw new MessagingRefusedException("Give the channel a name of at most 80 characters.");
        }
        List<UUID> chosen = members == null ? List.of() : members.stream().distinct().toList();
        for (UUID member : chosen) {
            if (!courses.takesPart(teacher, course, member)) {
                throw new MessagingRefusedException("Only people of this course can be members of its channels.");
            }
        }
        List<UUID> withTeacher = chosen.isEmpty() ? List.of()
                : Stream.concat(chosen.stream(), Stream.of(teacher.id())).distinct().toList();
        Channel topic = new Channel(UUID.randomUUID(), course.tenantId(), courseId, ChannelKind.TOPIC,
                withTeacher.isEmpty() ? ChannelAudience.COURSE : ChannelAudience.MEMBERS, title, null, withTeacher, false);
        return as(teacher, () -> {
            messages.insert(topic, teacher.id());
            return messages.channel(topic.id()).orElseThrow(ChannelNotFoundException::new);
        });
    }

    /**
     * The direct channel of the person and {@code otherId} in this course, made on first use. Both must take part in
     * the course; two students only where the teacher allows students to message each other.
     */
    public Channel direct(SignedInUser user, UUID courseId, UUID otherId) {
        CoursePlace course = place(user, courseId);
        if (otherId.equals(user.id()) || !courses.takesPart(user, course, otherId)) {
            throw new MessagingRefusedException("You can message only the people of this course.");
        }
        if (!courses.teaches(user, course, user.id()) && !courses.teaches(user, course, otherId) && !courseChannel(user, courseId).studentsMayMessageEachOther()) {
            throw new MessagingRefusedException("In this course, students write to each other in the course channel; the teacher has not turned on direct messages between students.");
        }
        String pair = Channel.pair(user.id(), otherId);
        return as(user, () -> {
            messages.insert(new Channel(UUID.randomUUID(), course.tenantId(), courseId, ChannelKind.DIRECT, ChannelAudience.MEMBERS, null, pair,
                    List.of(user.id(), otherId), false), user.id());
            Channel direct = messages.direct(courseId, pair).orElseThrow(ChannelNotFoundException::new);
            events.publish(ChatEvent.courseTopic(courseId), direct.id().toString());
            return direct;
        });
    }

    /**
     * Calls {@code onActivity} with the id of a channel of the course in which something happened, on any node: for the
     * unread counts beside an open channel. The caller re-reads its own channels: which ones it reads is theirs to know.
     */
    public ClusterEvents.Subscription watchCourse(SignedInUser user, UUID courseId, Consumer<UUID> onActivity) {
        place(user, courseId);
        return events.subscribe(ChatEvent.courseTopic(courseId), payload -> onActivity.accept(UUID.fromString(payload)));
    }

    private CoursePlace place(SignedInUser user, UUID courseId) {
        return access.place(user, courseId);
    }

    private <T> T as(SignedInUser user, Supplier<T> work) {
        return access.as(user, work);
    }
}
