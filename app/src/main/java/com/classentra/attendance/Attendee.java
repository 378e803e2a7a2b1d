package com.classentra.attendance;

import java.util.UUID;

/** A student as attendance lists show them. */
public record Attendee(UUID studentId, String name, String email) {
}
