package com.classentra.attendance;

/** What the teacher noted for a student at a session. */
public enum AttendanceStatus {
    PRESENT("Present"), LATE("Late"), ABSENT("Absent"), EXCUSED("Excused");

    private final String label;

    AttendanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
