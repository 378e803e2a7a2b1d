package com.classentra.notifications;

/** What a notification is about; each kind has its own email delivery preference. */
public enum NotificationKind {
    ANNOUNCEMENT("Announcements"),
    NEW_WORK("New materials and assignments"),
    SESSION("Live sessions"),
    SUBMISSION("Student submissions"),
    GRADE_RETURNED("Returned grades"),
    ENROLMENT("Enrolments");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    /** The name people see in their settings. */
    public String label() {
        return label;
    }
}
