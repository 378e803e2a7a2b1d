package com.classentra.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Whether the person's window is phone-narrow, followed as it changes, so a grid can drop the columns a phone has no
 * room for (CSS cannot hide a grid's columns: the grid lays them out itself).
 */
public final class NarrowWindow {

    /** Widths up to this many CSS pixels are laid out for a phone. */
    public static final int PHONE_MAX_WIDTH = 600;

    private NarrowWindow() {
    }

    /** Calls {@code layout} with true on a phone-narrow window, now and whenever the window crosses the width, while {@code owner} is shown. */
    public static void follow(Component owner, Consumer<Boolean> layout) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            boolean[] narrow = {details != null && details.getWindowInnerWidth() > 0 && details.getWindowInnerWidth() <= PHONE_MAX_WIDTH};
            layout.accept(narrow[0]);
            Registration resizes = ui.getPage().addBrowserWindowResizeListener(resize -> {
                boolean now = resize.getWidth() <= PHONE_MAX_WIDTH;
                if (now != narrow[0]) {
                    narrow[0] = now;
                    layout.accept(now);
                }
            });
            owner.addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
    }
}
