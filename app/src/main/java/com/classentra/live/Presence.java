package com.classentra.live;

/** What a person's time in a session's room says of their attendance, by the teacher's rules for the room. */
public enum Presence {
    PRESENT, LATE, ABSENT
}
