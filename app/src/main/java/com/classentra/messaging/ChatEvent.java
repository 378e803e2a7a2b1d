package com.classentra.messaging;

import java.util.UUID;

/**
 * What happened in a channel, as every node hears it (through ClusterEvents): a view that shows the channel reads the
 * change itself, in its viewer's scope, so an event carries ids only.
 *
 * @param subject the message posted, edited, deleted or reacted to; the person who read or is typing
 */
public record ChatEvent(Kind kind, UUID subject) {

    public enum Kind {
        POSTED, EDITED, DELETED, REACTED, READ, TYPING
    }

    String payload() {
        return kind + ":" + subject;
    }

    static ChatEvent parse(String payload) {
        int colon = payload.indexOf(':');
        return new ChatEvent(Kind.valueOf(payload.substring(0, colon)), UUID.fromString(payload.substring(colon + 1)));
    }

    static String topic(UUID channelId) {
        return "channel:" + channelId;
    }

    static String courseTopic(UUID courseId) {
        return "course-chat:" + courseId;
    }
}
