package com.classentra.classwork;

import com.classentra.files.StoredFileInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item of a course with its attachments. */
public record CourseItem(UUID id, UUID courseId, ItemKind kind, String title, String bodyHtml, boolean shared, Instant dueAt,
        BigDecimal pointsPossible, GradingScale gradingScale, LatePolicy latePolicy, Integer latePenaltyPercent, Instant startsAt,
        Integer durationMinutes, String meetingUrl, String linkUrl, Instant createdAt, List<StoredFileInfo> files) {

    public CourseItem withFiles(List<StoredFileInfo> attached) {
        return new CourseItem(id, courseId, kind, title, bodyHtml, shared, dueAt, pointsPossible, gradingScale, latePolicy, latePenaltyPercent,
                startsAt, durationMinutes, meetingUrl, linkUrl, createdAt, attached);
    }

    public String path() {
        return "courses/" + courseId + "/items/" + id;
    }
}
