package com.classentra.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Times are stored in UTC and shown in the zone the person chose in Settings, or else in their browser's, so they read
 * as their own clock does.
 */
public final class BrowserTime {

    private static final String CHOSEN = "classentra.time-zone";

    private BrowserTime() {
    }

    /** The zone the person chose for this session's pages; null to follow the browser. */
    public static void choose(ZoneId zone) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(CHOSEN, zone == null ? null : zone.getId());
        }
    }

    /** The chosen zone, or the browser's; UTC when the browser has not told it (tests without a browser). */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return ZoneId.of(chosen);
        }
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
