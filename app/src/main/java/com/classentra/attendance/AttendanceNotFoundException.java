package com.classentra.attendance;

/** No such session or student in this course, or the caller may not see them: the same answer, so ids reveal nothing. */
public class AttendanceNotFoundException extends RuntimeException {

    public AttendanceNotFoundException() {
        super("No such session or student in this course");
    }
}
