package com.classentra.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.live.AttendanceReckoning.Stay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendanceReckoningTest {

    private static final Instant START = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant END = START.plusSeconds(3600);
    /** Present after half of the hour, late after five minutes. */
    private static final RoomSettings RULES = new RoomSettings(true, 50, 5);

    private static Instant at(int minutes) {
        return START.plusSeconds(60L * minutes);
    }

    private static Map<UUID, Presence> reckon(Stay... stays) {
        return AttendanceReckoning.reckon(START, END, RULES, List.of(stays));
    }

    @Test
    void inOnTimeForLongEnoughIsPresent() {
        UUID ana = UUID.randomUUID();
        assertThat(reckon(new Stay(ana, at(-3), at(31)))).containsExactlyEntriesOf(Map.of(ana, Presence.PRESENT));
    }

    @Test
    void firstInAfterTheGraceIsLateHoweverLongTheyStayed() {
        UUID ben = UUID.randomUUID();
        assertThat(reckon(new Stay(ben, at(6), at(60)))).containsExactlyEntriesOf(Map.of(ben, Presence.LATE));
        assertThat(reckon(new Stay(ben, at(5), at(60)))).as("exactly at the grace is on time").containsExactlyEntriesOf(Map.of(ben, Presence.PRESENT));
    }

    @Test
    void onTimeButGoneSoonIsAbsent() {
        UUID cleo = UUID.randomUUID();
        assertThat(reckon(new Stay(cleo, at(0), at(29)))).containsExactlyEntriesOf(Map.of(cleo, Presence.ABSENT));
    }

    @Test
    void twoTabsAtOnceCountTheTimeOnceAndReconnectionsAddUp() {
        UUID dan = UUID.randomUUID();
        assertThat(reckon(new Stay(dan, at(0), at(20)), new Stay(dan, at(1), at(21)))).as("21 minutes, not 40")
                .containsExactlyEntriesOf(Map.of(dan, Presence.ABSENT));
        assertThat(reckon(new Stay(dan, at(0), at(20)), new Stay(dan, at(22), at(34)))).as("32 minutes over two stays")
                .containsExactlyEntriesOf(Map.of(dan, Presence.PRESENT));
    }

    @Test
    void onlyTimeWithinTheSessionCountsAndAStayTheRoomClosedOnRunsToTheEnd() {
        UUID eve = UUID.randomUUID();
        UUID finn = UUID.randomUUID();
        UUID gus = UUID.randomUUID();
        assertThat(reckon(new Stay(eve, at(-40), at(20)), new Stay(finn, at(2), null), new Stay(gus, at(70), at(80))))
                .as("eve's time before the start does not count; finn stayed to the end; gus came after it")
                .containsExactlyInAnyOrderEntriesOf(Map.of(eve, Presence.ABSENT, finn, Presence.PRESENT));
    }
}
