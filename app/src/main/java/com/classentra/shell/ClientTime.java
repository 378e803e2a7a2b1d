package com.classentra.shell;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as the person reads them: the one set of formats every page uses, in their locale and their own time
 * zone ({@link BrowserTime}), never the server's. Medium dates everywhere ("2 Dec 2026"), with a short time when the
 * moment matters, and the full weekday form only for headings.
 */
public final class ClientTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter HEADING_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);

    private ClientTime() {
    }

    /** "2 Dec 2026, 18:30"; empty for no time. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(zone()));
    }

    /** "2 Dec 2026": the day in the person's zone; empty for no time. */
    public static String formatDate(Instant instant) {
        return instant == null ? "" : formatDate(instant.atZone(zone()).toLocalDate());
    }

    /** A calendar day (a course's start, a document's effective date); empty for none. */
    public static String formatDate(LocalDate day) {
        return day == null ? "" : DATE.withLocale(locale()).format(day);
    }

    /** "18:30" (or "6:30 PM"): the time of day in the person's zone. */
    public static String formatTime(Instant instant) {
        return instant == null ? "" : TIME.withLocale(locale()).format(instant.atZone(zone()));
    }

    /** "Wednesday, 2 December 2026", for a heading over a day's sessions or marks. */
    public static String formatHeading(LocalDate day) {
        return HEADING_DATE.withLocale(locale()).format(day);
    }

    /** "Wednesday, 2 December 2026, 18:30", for a heading about one moment (a session). */
    public static String formatHeading(Instant instant) {
        return formatHeading(instant.atZone(zone()).toLocalDate()) + ", " + formatTime(instant);
    }

    public static ZoneId zone() {
        return BrowserTime.zone();
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
