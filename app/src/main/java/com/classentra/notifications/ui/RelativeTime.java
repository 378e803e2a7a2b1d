package com.classentra.notifications.ui;

import com.classentra.shell.ClientTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** "5 min ago" for recent moments, the date for older ones: what a list of notifications needs at a glance. */
final class RelativeTime {


    private RelativeTime() {
    }

    static String since(OffsetDateTime moment, Instant now) {
        Duration age = Duration.between(moment.toInstant(), now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        if (age.toDays() < 2) {
            return "yesterday";
        }
        if (age.toDays() < 7) {
            return age.toDays() + " days ago";
        }
        return ClientTime.formatDate(moment.toInstant());
    }
}
