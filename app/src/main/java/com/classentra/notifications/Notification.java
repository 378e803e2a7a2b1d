package com.classentra.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification as its recipient sees it.
 *
 * @param courseTitle the course it comes from, or null when it belongs to no course
 * @param link        a path inside the application, such as {@code /courses/<id>}
 */
public record Notification(UUID id, NotificationKind kind, String title, String courseTitle, String link,
        OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
