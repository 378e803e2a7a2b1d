package com.classentra.notifications;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.time.Duration;
import java.util.Set;

/** What a notification is about; each kind has its own email delivery preference. */
public enum NotificationKind {
    ANNOUNCEMENT("Announcements", Role.STUDENT),
    NEW_WORK("New materials and assignments", Role.STUDENT),
    SESSION("Live sessions", Role.STUDENT, Role.TEACHER),
    SUBMISSION("Student submissions", Role.TEACHER),
    GRADE_RETURNED("Returned grades", Role.STUDENT),
    ENROLMENT("Enrolments", Role.STUDENT, Role.TEACHER),
    /** One per conversation while unread; its email waits, so a conversation someone is in does not fill their inbox. */
    MESSAGE("Direct messages and mentions", Duration.ofMinutes(10), Role.STUDENT, Role.TEACHER);

    private final String label;
    private final Duration emailWait;
    private final Set<Role> audience;

    NotificationKind(String label, Role... audience) {
        this(label, Duration.ZERO, audience);
    }

    NotificationKind(String label, Duration emailWait, Role... audience) {
        this.label = label;
        this.emailWait = emailWait;
        this.audience = Set.of(audience);
    }

    /** How long its email waits; one read in the app by then is not emailed. Zero: emailed as soon as the mailer runs. */
    public Duration emailWait() {
        return emailWait;
    }

    /** The name people see in their settings. */
    public String label() {
        return label;
    }

    /** Whether this person can receive the kind at all, so settings offer only what concerns them. */
    public boolean concerns(SignedInUser person) {
        return audience.stream().anyMatch(person::has);
    }
}
