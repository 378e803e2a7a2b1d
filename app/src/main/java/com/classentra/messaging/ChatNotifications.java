package com.classentra.messaging;

import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears of a new message beyond the open channel: the other person of a direct conversation, and everyone it
 * mentions, unless they muted the channel. One unread notification per conversation (the notifications feature keeps it
 * so), read as soon as the person opens the conversation; its email waits, by the person's preference.
 */
@Component
class ChatNotifications {

    private final NotificationService notifications;
    private final MessageRepository messages;

    ChatNotifications(NotificationService notifications, MessageRepository messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** The page a notification of the channel leads to. */
    static String link(Channel channel) {
        return "/courses/" + channel.courseId() + "/chat?channel=" + channel.id();
    }

    /** In the author's transaction, with the message. */
    @Transactional(propagation = Propagation.MANDATORY)
    void posted(SignedInUser author, Channel channel, List<UUID> mentioned) {
        Set<UUID> direct = new LinkedHashSet<>();
        if (channel.kind() == ChannelKind.DIRECT) {
            direct.add(channel.otherThan(author.id()));
        }
        Set<UUID> mentionedOnly = new LinkedHashSet<>(mentioned);
        mentionedOnly.removeAll(direct);
        Set<UUID> everyone = new LinkedHashSet<>(direct);
        everyone.addAll(mentionedOnly);
        everyone.remove(author.id());
        if (everyone.isEmpty()) {
            return;
        }
        Set<UUID> muted = messages.notificationsMuted(channel.id(), everyone);
        direct.removeAll(muted);
        direct.remove(author.id());
        mentionedOnly.removeAll(muted);
        mentionedOnly.remove(author.id());
        notifications.notifyPeople(direct, channel.tenantId(), channel.courseId(), NotificationKind.MESSAGE,
                author.displayName() + " sent you a direct message", link(channel), author.id());
        notifications.notifyPeople(mentionedOnly, channel.tenantId(), channel.courseId(), NotificationKind.MESSAGE,
                author.displayName() + " mentioned you in " + where(channel), link(channel), author.id());
    }

    private static String where(Channel channel) {
        return switch (channel.kind()) {
            case COURSE -> "the course channel";
            case TOPIC -> "# " + channel.name();
            case DIRECT -> "a direct message";
        };
    }
}
