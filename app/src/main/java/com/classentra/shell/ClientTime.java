package com.classentra.shell;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times shown and entered in the person's own time zone, as their browser reports it (UTC when unknown). */
public final class ClientTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private ClientTime() {
    }

    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        try {
            var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                return ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // No details yet (or an unknown zone name): fall back to UTC rather than fail the page.
        }
        return ZoneOffset.UTC;
    }

    /** "24 Nov 2026, 18:30" in the person's zone; empty for no time. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(zone()));
    }

    public static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private static java.util.Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }
}
