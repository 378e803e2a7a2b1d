package com.classentra.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Times are stored in UTC and shown in the zone of the person's browser, so they read as their own clock does. */
public final class BrowserTime {

    private BrowserTime() {
    }

    /** The browser's time zone; UTC when the browser has not told it (tests without a browser). */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknownToJava) {
            return ZoneOffset.UTC;
        }
    }
}
