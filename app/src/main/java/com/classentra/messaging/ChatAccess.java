package com.classentra.messaging;

import com.classentra.courses.CourseParticipants;
import com.classentra.courses.CourseParticipants.CoursePlace;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the chat services ask before acting: the course as the person takes part in it, the channel or message as the
 * person reads it (row-level security decides; anything else is "not found"), whether the course is still open, and
 * whether the person teaches it. Work runs in the person's own scope.
 */
@Component
class ChatAccess {

    private static final String ARCHIVED = "This course is archived: its channels can be read, not written in.";

    private final MessageRepository messages;
    private final CourseParticipants courses;
    private final RoleScopes scopes;

    ChatAccess(MessageRepository messages, CourseParticipants courses, RoleScopes scopes) {
        this.messages = messages;
        this.courses = courses;
        this.scopes = scopes;
    }

    CoursePlace place(SignedInUser user, UUID courseId) {
        return courses.place(user, courseId).orElseThrow(ChannelNotFoundException::new);
    }

    Channel readable(SignedInUser user, UUID channelId) {
        return as(user, () -> messages.channel(channelId)).orElseThrow(ChannelNotFoundException::new);
    }

    MessageRepository.Stored stored(SignedInUser user, UUID messageId) {
        return as(user, () -> messages.message(messageId)).orElseThrow(ChannelNotFoundException::new);
    }

    void requireOpen(SignedInUser user, Channel channel) {
        if (place(user, channel.courseId()).archived()) {
            throw new MessagingRefusedException(ARCHIVED);
        }
    }

    /** Posts, edits and "is typing": refused in an archived course, and to a person a teacher muted in the channel. */
    void requireMayPost(SignedInUser user, Channel channel) {
        postingRefusal(user, channel).ifPresent(reason -> {
            throw new MessagingRefusedException(reason);
        });
    }

    /** Why the person may not post in the channel now, in words for them; empty when they may. */
    Optional<String> postingRefusal(SignedInUser user, Channel channel) {
        if (place(user, channel.courseId()).archived()) {
            return Optional.of(ARCHIVED);
        }
        return as(user, () -> messages.postingMutedUntil(channel.id(), user.id()))
                .map(until -> "A teacher muted you in this channel until " + until.toInstant() + ".");
    }

    /** Whether the person teaches the channel's course (and so moderates its channels, direct ones aside). */
    boolean moderates(SignedInUser user, Channel channel) {
        return channel.kind() != ChannelKind.DIRECT && place(user, channel.courseId()).teaching();
    }

    void requireTeacher(SignedInUser user, UUID courseId) {
        if (!place(user, courseId).teaching()) {
            throw new AccessDeniedException("Only the course's teachers do this");
        }
    }

    <T> T as(SignedInUser user, Supplier<T> work) {
        return scopes.asMember(user, work);
    }
}
