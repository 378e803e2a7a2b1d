package com.classentra.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * Something on a person's calendar: their own event, a live session of a course, or an assignment's due
 * time (which starts and ends at that moment).
 *
 * @param uid        stable across requests and edits, so calendar apps update an event instead of duplicating it
 * @param sourceId   the personal event or course item it comes from
 * @param courseId   null for personal events
 * @param meetingUrl the session's meeting link, if any
 */
public record CalendarEntry(String uid, Kind kind, UUID sourceId, UUID courseId, String courseTitle, String title, String notes,
        Instant startsAt, Instant endsAt, String meetingUrl) {

    public enum Kind { PERSONAL, SESSION, DEADLINE }

    public boolean overlaps(Instant from, Instant to) {
        return startsAt.isBefore(to) && !endsAt.isBefore(from);
    }
}
