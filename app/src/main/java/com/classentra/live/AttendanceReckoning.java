package com.classentra.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attendance from who was in a session's room, by the teacher's rules for it: late when first in after the start plus
 * the grace; present when in for at least the set share of the session; absent otherwise (joined on time but left soon,
 * or never came, which the roll leaves absent). Stays count only within the session's time, and overlapping stays (a
 * second tab, a reconnection) count once.
 */
final class AttendanceReckoning {

    private AttendanceReckoning() {
    }

    /** One stay in the room; {@code left} null when the room closed on it (then it ends with the session). */
    record Stay(UUID person, Instant joined, Instant left) {
    }

    static Map<UUID, Presence> reckon(Instant start, Instant end, RoomSettings rules, List<Stay> stays) {
        Map<UUID, List<Stay>> byPerson = new HashMap<>();
        stays.forEach(stay -> byPerson.computeIfAbsent(stay.person(), p -> new ArrayList<>()).add(stay));
        Duration needed = Duration.between(start, end).multipliedBy(rules.presentPercent()).dividedBy(100);
        Instant lateAfter = start.plus(Duration.ofMinutes(rules.lateAfterMinutes()));
        Map<UUID, Presence> statuses = new HashMap<>();
        byPerson.forEach((person, theirs) -> {
            List<Stay> within = theirs.stream()
                    .map(s -> new Stay(person, latest(s.joined() == null ? start : s.joined(), start), earliest(s.left() == null ? end : s.left(), end)))
                    .filter(s -> s.joined().isBefore(s.left()))
                    .sorted(Comparator.comparing(Stay::joined)).toList();
            if (within.isEmpty()) {
                return;
            }
            if (within.getFirst().joined().isAfter(lateAfter)) {
                statuses.put(person, Presence.LATE);
            } else {
                statuses.put(person, timeIn(within).compareTo(needed) >= 0 ? Presence.PRESENT : Presence.ABSENT);
            }
        });
        return statuses;
    }

    /** The length of the union of stays sorted by their start (a stay with no leave must have been closed first). */
    static Duration timeIn(List<Stay> sorted) {
        Duration total = Duration.ZERO;
        Instant coveredTo = Instant.MIN;
        for (Stay stay : sorted) {
            Instant from = latest(stay.joined(), coveredTo);
            if (stay.left().isAfter(from)) {
                total = total.plus(Duration.between(from, stay.left()));
                coveredTo = stay.left();
            }
        }
        return total;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
