package com.classentra.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Calendar entries as an iCalendar (RFC 5545) document. Times are written in UTC, so no time-zone
 * definitions are needed and every calendar app shows them in its own zone.
 */
final class IcsCalendar {

    private IcsCalendar() {
    }

    static String write(List<CalendarEntry> entries, String calendarPageUrl, Instant generatedAt) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Classentra//Calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "Classentra"));
        for (CalendarEntry entry : entries) {
            calendar.add(event(entry, calendarPageUrl, generatedAt));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(CalendarEntry entry, String calendarPageUrl, Instant generatedAt) {
        VEvent event = switch (entry.kind()) {
            // A due time is a moment: an event without DTEND ends where it starts (RFC 5545, 3.6.1).
            case DEADLINE -> new VEvent(entry.startsAt(), "Due: " + entry.title());
            case SESSION, PERSONAL -> new VEvent(entry.startsAt(), entry.endsAt(), entry.title());
        };
        event.replace(new DtStamp(generatedAt));
        event.add(new Uid(entry.uid()));
        String description = description(entry);
        if (!description.isEmpty()) {
            event.add(new Description(description));
        }
        event.add(new Url(link(entry, calendarPageUrl)));
        return event;
    }

    private static String description(CalendarEntry entry) {
        StringBuilder text = new StringBuilder();
        if (entry.courseTitle() != null) {
            text.append("Course: ").append(entry.courseTitle());
        }
        if (entry.meetingUrl() != null && !entry.meetingUrl().isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append("Join: ").append(entry.meetingUrl());
        }
        if (entry.notes() != null && !entry.notes().isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(entry.notes());
        }
        return text.toString();
    }

    /** The meeting for a session that has a usable link, otherwise the calendar page of Classentra. */
    private static URI link(CalendarEntry entry, String calendarPageUrl) {
        if (entry.meetingUrl() != null && entry.meetingUrl().matches("(?i)https?://\\S+")) {
            try {
                return new URI(entry.meetingUrl());
            } catch (URISyntaxException notAUri) {
                // fall through to the calendar page
            }
        }
        return URI.create(calendarPageUrl);
    }
}
