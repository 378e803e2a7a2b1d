package com.classentra.calendar.ui;

import com.classentra.calendar.CalendarService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The Settings section for the calendar feed: make its secret address (shown once, since only its hash is
 * kept), copy it, replace it or turn the feed off.
 */
@StyleSheet("classentra/classroom.css")
class CalendarFeedSettings extends Section {

    private final transient CalendarService calendar;
    private final SignedInUser user;
    private final Div state = new Div();

    CalendarFeedSettings(CalendarService calendar, SignedInUser user) {
        this.calendar = calendar;
        this.user = user;
        addClassName("settings-section");
        add(new H2("Calendar feed"), new Paragraph("Subscribe to your calendar in Google Calendar, Apple Calendar or Outlook to see "
                + "your sessions, due dates and own events there. Anyone who has the address can read your calendar, so keep it to yourself."), state);
        showStored();
    }

    /** The feed as stored: off, or on with an address that can no longer be shown. */
    private void showStored() {
        state.removeAll();
        calendar.feedCreatedAt(user).ifPresentOrElse(created -> {
            String since = ClientTime.format(created);
            state.add(new Paragraph("Your feed is on (address made " + since + "). For your safety the address is shown only when it "
                    + "is made; make a new one to see an address again. The old one then stops working."),
                    new HorizontalLayout(newAddressButton("Make a new address", false), turnOffButton()));
        }, () -> state.add(new Paragraph("The feed is off."), new HorizontalLayout(newAddressButton("Create feed address", true))));
    }

    private void showNew(String address) {
        state.removeAll();
        TextField field = new TextField("Your feed address");
        field.setValue(address);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setHelperText("Shown only now. Paste it into your calendar app's \"subscribe by URL\" or \"add from URL\".");
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> field.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", address)
                .then(ok -> Notification.show("Address copied."), error -> Notification.show("Copying was blocked; select the address and copy it.")));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        state.add(field, new HorizontalLayout(copy, newAddressButton("Make a new address", false), turnOffButton()));
    }

    private Button newAddressButton(String text, boolean primary) {
        Button button = new Button(text, e -> {
            boolean replacing = calendar.feedCreatedAt(user).isPresent();
            showNew(calendar.newFeedAddress(user));
            if (replacing) {
                Notification.show("New address made. The old one no longer works.");
            }
        });
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    private Button turnOffButton() {
        Button button = new Button("Turn off", e -> {
            calendar.turnOffFeed(user);
            Notification.show("Calendar feed turned off. Its address no longer works.");
            showStored();
        });
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }
}
