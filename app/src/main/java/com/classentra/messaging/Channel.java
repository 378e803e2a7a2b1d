package com.classentra.messaging;

import java.util.List;
import java.util.UUID;

/**
 * A channel of a course.
 *
 * @param name       a topic channel's name; null for the others
 * @param directPair the two people of a direct channel, their ids in order joined by a colon
 * @param members    who reads a MEMBERS channel; empty for one the whole course reads
 */
public record Channel(UUID id, UUID tenantId, UUID courseId, ChannelKind kind, ChannelAudience audience, String name, String directPair,
        List<UUID> members, boolean studentsMayMessageEachOther) {

    public Channel {
        members = List.copyOf(members);
    }

    /**
     * The key of two people's direct channel, the same whoever opens it: in PostgreSQL's uuid order (bytes unsigned,
     * as their text sorts), which the channel's policy checks; Java's {@code UUID.compareTo} orders signed and differs.
     */
    static String pair(UUID one, UUID other) {
        return one.toString().compareTo(other.toString()) < 0 ? one + ":" + other : other + ":" + one;
    }

    /** In a direct channel, the person who is not {@code me}. */
    public UUID otherThan(UUID me) {
        return members.stream().filter(member -> !member.equals(me)).findFirst().orElse(me);
    }
}
