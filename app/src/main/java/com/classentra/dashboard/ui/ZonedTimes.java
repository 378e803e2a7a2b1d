package com.classentra.dashboard.ui;

import com.classentra.shell.BrowserTime;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the person reads them, in their browser's time zone ({@link BrowserTime}).
 */
final class ZonedTimes {

    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter day;

    private ZonedTimes(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
        this.dayAndTime = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("d MMM", locale).withZone(zone);
    }

    static ZonedTimes of(UI ui) {
        return new ZonedTimes(BrowserTime.zone(), ui.getLocale());
    }

    ZoneId zone() {
        return zone;
    }

    String time(Instant instant) {
        return time.format(instant);
    }

    String dayAndTime(Instant instant) {
        return dayAndTime.format(instant);
    }

    String day(Instant instant) {
        return day.format(instant);
    }
}
