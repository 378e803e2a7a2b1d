package com.classentra.dashboard;

import java.time.Instant;
import java.util.UUID;

/** A live session of a course, with its meeting link when the teacher gave one. */
public record Session(UUID courseId, String courseTitle, UUID itemId, String title, Instant startsAt, int durationMinutes, String meetingUrl) {

    public Instant endsAt() {
        return startsAt.plusSeconds(durationMinutes * 60L);
    }

    public String link() {
        return CourseLinks.item(courseId, itemId);
    }
}
