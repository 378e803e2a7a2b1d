package com.classentra.calendar;

import java.time.Instant;

/** What a person enters for one of their own calendar events. */
public record EventForm(String title, String notes, Instant startsAt, Instant endsAt) {
}
