package com.classentra.shell;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times shown and entered in the person's own time zone ({@link BrowserTime}). */
public final class ClientTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private ClientTime() {
    }

    /** "24 Nov 2026, 18:30" in the person's zone; empty for no time. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(BrowserTime.zone()));
    }

    /** "24 Nov 2026": the day in the person's zone; empty for no time. */
    public static String formatDate(Instant instant) {
        return instant == null ? "" : DATE.withLocale(locale()).format(instant.atZone(BrowserTime.zone()));
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, BrowserTime.zone());
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(BrowserTime.zone()).toInstant();
    }

    private static java.util.Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }
}
