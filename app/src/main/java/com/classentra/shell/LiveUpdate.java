package com.classentra.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/** Changes a page from a thread of its own (an event from another node), through Vaadin Push. */
public final class LiveUpdate {

    private LiveUpdate() {
    }

    /** Runs {@code change} in the page's session; a page that went away meanwhile shows the change when opened again. */
    public static void of(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException closed) {
            // nothing to show it on
        }
    }
}
