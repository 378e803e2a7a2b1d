package com.classentra.messaging;

import com.classentra.notifications.NotificationService;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a person has read and who may know it: read markers (unread counts, "seen by"), the choice to send read receipts
 * at all, muting a channel's notifications, and "is typing", which is never stored.
 */
@Service
public class ChatReading {

    private final MessageRepository messages;
    private final ChatAccess access;
    private final MessagingService messaging;
    private final NotificationService notifications;
    private final ClusterEvents events;

    ChatReading(MessageRepository messages, ChatAccess access, MessagingService messaging, NotificationService notifications, ClusterEvents events) {
        this.messages = messages;
        this.access = access;
        this.messaging = messaging;
        this.notifications = notifications;
        this.events = events;
    }

    /**
     * Marks the channel read up to its latest message, with the person's notifications that lead to it. Others see it
     * ("seen") only while the person sends read receipts.
     */
    public void markRead(SignedInUser user, UUID channelId) {
        markRead(user, channelId, true);
    }

    /**
     * Marks the channel read, in one transaction of the person's own that also checks they still read it (an open page
     * calls this for every change it is shown, so it stops when the person left the course); their notifications that
     * lead to the channel too when {@code notificationsToo} (a direct conversation, a message naming them).
     */
    public void markRead(SignedInUser user, UUID channelId, boolean notificationsToo) {
        Channel channel = access.as(user, () -> {
            Channel read = messages.channel(channelId).orElseThrow(ChannelNotFoundException::new);
            boolean shared = messages.sendsReadReceipts(user.id());
            // Only a shared marker that moved is news for the others' "seen by".
            if (messages.markRead(read, user.id(), messages.lastSeq(channelId), shared) && shared) {
                messaging.announceSeen(read, user.id());
            }
            return read;
        });
        if (notificationsToo) {
            notifications.markReadLinked(user, ChatNotifications.link(channel));
        }
    }

    public boolean sendsReadReceipts(SignedInUser user) {
        return access.as(user, () -> messages.sendsReadReceipts(user.id()));
    }

    /** Turned off, what the person reads from now on shows nobody a "seen"; what they had read before stays seen. */
    public void setSendReadReceipts(SignedInUser user, boolean send) {
        access.as(user, () -> {
            messages.setSendReadReceipts(user.id(), send);
            return null;
        });
    }

    /** Whether the person hears of direct messages and mentions in this channel beyond the open page. */
    public void muteNotifications(SignedInUser user, UUID channelId, boolean muted) {
        Channel channel = access.readable(user, channelId);
        access.as(user, () -> {
            messages.muteNotifications(channel, user.id(), muted);
            return null;
        });
    }

    public boolean notificationsMuted(SignedInUser user, UUID channelId) {
        access.readable(user, channelId);
        return access.as(user, () -> messages.notificationsMuted(channelId, java.util.List.of(user.id())).contains(user.id()));
    }

    /**
     * Tells the channel's open views that the person is typing, now, outside any transaction: nothing is stored, and a
     * view forgets it after a few seconds without another. Nobody hears of it where the person may not post (an
     * archived course, a teacher muted them): they would be seen typing what cannot come.
     */
    public void typing(SignedInUser user, UUID channelId) {
        Channel channel = access.readable(user, channelId);
        if (access.postingRefusal(user, channel).isPresent()) {
            return;
        }
        events.publish(ChatEvent.topic(channelId), new ChatEvent(ChatEvent.Kind.TYPING, user.id()).payload());
    }
}
