package com.classentra.classwork;

import com.classentra.live.RoomSettings;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a teacher typed into an item's form. Fields that do not belong to the kind are ignored.
 *
 * @param shared for notes: false keeps the note to the course's teachers
 * @param room   for a session held in a native room here, how the room works; null for one at a meeting link (or none)
 */
public record ItemForm(ItemKind kind, String title, String bodyHtml, boolean shared, Instant dueAt, BigDecimal pointsPossible,
        GradingScale gradingScale, LatePolicy latePolicy, Integer latePenaltyPercent, Instant startsAt, Integer durationMinutes,
        String meetingUrl, String linkUrl, RoomSettings room) {

    /** Percentages and letters are kept out of 100, whatever the form said; points are the teacher's. */
    public BigDecimal effectivePointsPossible() {
        return gradingScale == GradingScale.POINTS ? pointsPossible : BigDecimal.valueOf(100);
    }

    public static ItemForm of(ItemKind kind, String title, String bodyHtml) {
        return new ItemForm(kind, title, bodyHtml, true, null, null, null, null, null, null, null, null, null, null);
    }
}
