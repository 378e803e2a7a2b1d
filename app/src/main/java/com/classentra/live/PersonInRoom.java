package com.classentra.live;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone who was in a session's room, as its teacher sees them.
 *
 * @param personId   their account, or null for a participant the provider knows only by name
 * @param firstIn    when they first joined
 * @param lastOut    when they last left; null while they are still in the room
 * @param timeIn     their time in the room, a stay in two tabs at once counted once
 */
public record PersonInRoom(UUID personId, String name, Instant firstIn, Instant lastOut, Duration timeIn) {
}
