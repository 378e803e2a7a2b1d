package com.classentra.messaging;

import com.classentra.platform.security.SignedInUser;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Keeping a course's chat civil: teachers pin messages, mute a member from posting for a while and deal with reports;
 * any member reports a message to the course's teachers. Direct channels are the two people's own: no teacher
 * moderates them, though either person may report a message there.
 */
@Service
public class ChatModeration {

    /** The longest a teacher mutes someone in one go. */
    public static final Duration LONGEST_MUTE = Duration.ofDays(30);

    private final MessageRepository messages;
    private final ChatAccess access;

    ChatModeration(MessageRepository messages, ChatAccess access) {
        this.messages = messages;
        this.access = access;
    }

    public void pin(SignedInUser teacher, UUID messageId, boolean pinned) {
        MessageRepository.Stored message = access.stored(teacher, messageId);
        Channel channel = access.readable(teacher, message.channelId());
        requireModerator(teacher, channel);
        if (!access.as(teacher, () -> messages.pin(messageId, teacher.id(), pinned))) {
            throw new MessagingRefusedException("A deleted message cannot be pinned.");
        }
    }

    /** Stops {@code memberId} posting in the channel for {@code duration} (at most {@link #LONGEST_MUTE}; zero lifts it). */
    public void mute(SignedInUser teacher, UUID channelId, UUID memberId, Duration duration) {
        Channel channel = access.readable(teacher, channelId);
        requireModerator(teacher, channel);
        if (duration.isNegative() || duration.compareTo(LONGEST_MUTE) > 0) {
            throw new MessagingRefusedException("Mute someone for at most " + LONGEST_MUTE.toDays() + " days.");
        }
        if (memberId.equals(teacher.id())) {
            throw new MessagingRefusedException("You cannot mute yourself.");
        }
        access.as(teacher, () -> {
            messages.mutePosting(channel, memberId, OffsetDateTime.now().plus(duration), teacher.id());
            return null;
        });
    }

    /** Reports a message to the course's teachers; reporting it again changes nothing. */
    public void report(SignedInUser user, UUID messageId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new MessagingRefusedException("Say in at most 1000 characters what is wrong with this message.");
        }
        MessageRepository.Stored message = access.stored(user, messageId);
        Channel channel = access.readable(user, message.channelId());
        access.as(user, () -> messages.insertReport(channel, messageId, user.id(), why));
    }

    /** The reports of the course's channels still waiting for a teacher. */
    public List<MessageReport> openReports(SignedInUser teacher, UUID courseId) {
        access.requireTeacher(teacher, courseId);
        return access.as(teacher, () -> messages.openReports(courseId));
    }

    public boolean resolve(SignedInUser teacher, UUID courseId, UUID reportId) {
        access.requireTeacher(teacher, courseId);
        return access.as(teacher, () -> messages.resolveReport(reportId, teacher.id()));
    }

    private void requireModerator(SignedInUser user, Channel channel) {
        if (!access.moderates(user, channel)) {
            throw new org.springframework.security.access.AccessDeniedException("Only the course's teachers moderate its channels");
        }
    }
}
