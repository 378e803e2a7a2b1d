package com.classentra.calendar;

/** The event does not exist or belongs to someone else: the same answer, so ids reveal nothing. */
public class CalendarEventNotFoundException extends RuntimeException {

    public CalendarEventNotFoundException() {
        super("No such event");
    }
}
