package com.classentra.plugin.api.video;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * @param name            unique room name chosen by the platform (letters, digits, dashes and underscores, at most 64)
 * @param opensAt         the earliest a participant may enter
 * @param closesAt        when the provider closes the room and puts everybody out, whatever happens here
 * @param maxParticipants the most people in the room at once
 * @param recording       whether the room may be recorded
 */
public record RoomRequest(String name, Instant opensAt, Instant closesAt, int maxParticipants, boolean recording) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public RoomRequest {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A room name is letters, digits, dashes and underscores, at most 64: " + name);
        }
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("A room closes after it opens");
        }
        if (maxParticipants < 2) {
            throw new IllegalArgumentException("A room holds at least two people");
        }
    }
}
