package com.classentra.classwork.ui;

import com.classentra.live.RoomSettings;
import com.classentra.live.RoomState;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Optional;

/**
 * Where a session meets, in its form: at a Zoom, Meet or Teams link, or in a room here, with how the room works. A room
 * here can be chosen only while the video provider makes rooms.
 */
final class SessionPlace {

    enum Place {
        LINK("At a meeting link (Zoom, Google Meet, Microsoft Teams)"),
        ROOM("In a room here, in Classentra");

        private final String label;

        Place(String label) {
            this.label = label;
        }
    }

    private final RadioButtonGroup<Place> where = new RadioButtonGroup<>("Where");
    private final TextField meetingUrl = new TextField("Meeting link");
    private final Checkbox studentsPublish = new Checkbox("Students can turn on their camera, microphone and screen");
    private final IntegerField presentPercent = new IntegerField("Present after (% of the session)");
    private final IntegerField lateAfterMinutes = new IntegerField("Late when joining after (minutes)");

    SessionPlace(boolean roomsAvailable) {
        where.setItems(Place.values());
        where.setItemLabelGenerator(place -> place.label);
        where.setValue(Place.LINK);
        if (!roomsAvailable) {
            where.setItemEnabledProvider(place -> place == Place.LINK);
            where.setHelperText("Rooms here need a live video provider; your administrator can choose one.");
        }
        meetingUrl.setHelperText("Optional: a Zoom, Google Meet or Microsoft Teams invitation link");
        meetingUrl.setPlaceholder("https://zoom.us/j/…");
        studentsPublish.setValue(RoomSettings.DEFAULTS.studentsPublish());
        presentPercent.setValue(RoomSettings.DEFAULTS.presentPercent());
        presentPercent.setMin(1);
        presentPercent.setMax(100);
        presentPercent.setHelperText("For attendance, filled in from who was in the room");
        lateAfterMinutes.setValue(RoomSettings.DEFAULTS.lateAfterMinutes());
        lateAfterMinutes.setMin(0);
        lateAfterMinutes.setMax(240);
        lateAfterMinutes.setHelperText("Counted from the start");
        where.addValueChangeListener(e -> show(e.getValue()));
        show(Place.LINK);
    }

    void addTo(FormLayout form) {
        form.add(where, 2);
        form.add(meetingUrl, 2);
        form.add(studentsPublish, 2);
        form.add(presentPercent, lateAfterMinutes);
    }

    void fill(String link, Optional<RoomState> room) {
        meetingUrl.setValue(link == null ? "" : link);
        room.ifPresent(state -> {
            where.setValue(Place.ROOM);
            studentsPublish.setValue(state.settings().studentsPublish());
            presentPercent.setValue(state.settings().presentPercent());
            lateAfterMinutes.setValue(state.settings().lateAfterMinutes());
        });
    }

    String meetingUrl() {
        return where.getValue() == Place.LINK ? meetingUrl.getValue() : null;
    }

    /** The room's settings, or null for a session at a meeting link; out-of-range numbers are left to the service's message. */
    RoomSettings room() {
        if (where.getValue() != Place.ROOM) {
            return null;
        }
        int present = presentPercent.getValue() == null ? 0 : presentPercent.getValue();
        int late = lateAfterMinutes.getValue() == null ? -1 : lateAfterMinutes.getValue();
        if (present < 1 || present > 100) {
            presentPercent.setErrorMessage("Enter a share between 1 and 100 per cent");
            presentPercent.setInvalid(true);
            return null;
        }
        if (late < 0 || late > 240) {
            lateAfterMinutes.setErrorMessage("Enter between 0 and 240 minutes");
            lateAfterMinutes.setInvalid(true);
            return null;
        }
        return new RoomSettings(studentsPublish.getValue(), present, late);
    }

    boolean roomChosen() {
        return where.getValue() == Place.ROOM;
    }

    Map<String, HasValidation> fields() {
        return Map.of("meetingUrl", meetingUrl, "room", where, "presentPercent", presentPercent, "lateAfterMinutes", lateAfterMinutes);
    }

    private void show(Place place) {
        boolean room = place == Place.ROOM;
        meetingUrl.setVisible(!room);
        studentsPublish.setVisible(room);
        presentPercent.setVisible(room);
        lateAfterMinutes.setVisible(room);
    }
}
