package com.classentra.plugin.api.video;

import java.net.URI;
import java.time.Duration;

/**
 * @param name            unique room name chosen by the platform
 * @param externalMeeting a Zoom, Meet or Teams link the teacher pasted, for providers that only link out
 */
public record RoomRequest(String name, Duration maxDuration, int maxParticipants, URI externalMeeting) {
}
