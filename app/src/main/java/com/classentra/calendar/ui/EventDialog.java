package com.classentra.calendar.ui;

import com.classentra.calendar.CalendarEntry;
import com.classentra.calendar.EventForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;

/** Creates or edits one of the person's own events; the save action returns field messages, shown in place. */
class EventDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final DateTimePicker startsAt = new DateTimePicker("Starts");
    private final DateTimePicker endsAt = new DateTimePicker("Ends");
    private final TextArea notes = new TextArea("Notes");

    /**
     * @param existing the event to edit, or null for a new one starting at {@code start}
     * @param delete   run after the person confirms deletion; null for a new event
     */
    EventDialog(CalendarEntry existing, LocalDateTime start, ZoneId zone, Function<EventForm, Map<String, String>> save, Runnable delete) {
        setHeaderTitle(existing == null ? "New event" : "Edit event");
        title.setMaxLength(200);
        title.setRequired(true);
        startsAt.setRequiredIndicatorVisible(true);
        endsAt.setRequiredIndicatorVisible(true);
        notes.setMaxLength(5000);
        if (existing == null) {
            startsAt.setValue(start);
            endsAt.setValue(start.plusHours(1));
        } else {
            title.setValue(existing.title());
            startsAt.setValue(LocalDateTime.ofInstant(existing.startsAt(), zone));
            endsAt.setValue(LocalDateTime.ofInstant(existing.endsAt(), zone));
            notes.setValue(existing.notes());
        }
        // Moving the start moves the end with it, keeping the length, as calendar apps do.
        startsAt.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getOldValue() != null && e.getValue() != null && endsAt.getValue() != null) {
                endsAt.setValue(endsAt.getValue().plus(Duration.between(e.getOldValue(), e.getValue())));
            }
        });
        FormLayout form = new FormLayout(title, startsAt, endsAt, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button saveButton = new Button("Save", e -> {
            Map<String, String> problems = save.apply(new EventForm(title.getValue(), notes.getValue(),
                    startsAt.getValue() == null ? null : startsAt.getValue().atZone(zone).toInstant(),
                    endsAt.getValue() == null ? null : endsAt.getValue().atZone(zone).toInstant()));
            if (problems.isEmpty()) {
                close();
            } else {
                show(problems);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (delete != null) {
            Button deleteButton = new Button("Delete", e -> {
                delete.run();
                close();
            });
            deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            getFooter().add(deleteButton);
            deleteButton.getStyle().setMarginRight("auto");
        }
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
        setWidth("min(32rem, 95vw)");
    }

    private void show(Map<String, String> problems) {
        title.setInvalid(false);
        startsAt.setInvalid(false);
        endsAt.setInvalid(false);
        notes.setInvalid(false);
        problems.forEach((field, message) -> {
            switch (field) {
                case "title" -> { title.setErrorMessage(message); title.setInvalid(true); }
                case "startsAt" -> { startsAt.setErrorMessage(message); startsAt.setInvalid(true); }
                case "endsAt" -> { endsAt.setErrorMessage(message); endsAt.setInvalid(true); }
                default -> { notes.setErrorMessage(message); notes.setInvalid(true); }
            }
        });
    }
}
