package com.classentra.accounts.ui;

import com.classentra.accounts.Profiles;
import com.classentra.shell.BrowserTime;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/** Applies the time zone a person chose in their profile to their session's pages, once per session. */
@Component
class ChosenTimeZone implements VaadinServiceInitListener {

    private static final String APPLIED = "classentra.time-zone.applied";

    private final Profiles profiles;

    ChosenTimeZone(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinSession session = ui.getUI().getSession();
            if (session.getAttribute(APPLIED) == null) {
                SignedInSession.current().ifPresent(user -> {
                    profiles.timeZone(user.id()).ifPresent(BrowserTime::choose);
                    session.setAttribute(APPLIED, Boolean.TRUE);
                });
            }
        });
    }
}
