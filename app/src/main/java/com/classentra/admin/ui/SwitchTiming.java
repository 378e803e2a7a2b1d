package com.classentra.admin.ui;

import com.classentra.legal.SubprocessorChanges;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a switch that brings a new company onto the subprocessor list happens: announced for a date at least 30 days
 * ahead (the default), or at once as an emergency with a written reason. Shown only for such a switch.
 */
class SwitchTiming extends Div {

    enum Mode {
        ANNOUNCE("Announce it for a date"), EMERGENCY("Switch now: emergency");

        private final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final Paragraph explanation = new Paragraph();
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("When");
    private final DatePicker effectiveOn = new DatePicker("Takes effect on");
    private final TextArea reason = new TextArea("Why it cannot wait");

    private final transient Runnable changed;

    /** @param changed what to update when the choice changes (the action's label) */
    SwitchTiming(Runnable changed) {
        this.changed = changed;
        addClassName("switch-timing");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m.label);
        mode.setValue(Mode.ANNOUNCE);
        mode.addValueChangeListener(e -> showMode());
        reason.setHelperText("Shown in the public change log and emailed to every organization's privacy contact.");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        add(explanation, mode, effectiveOn, reason);
        setVisible(false);
    }

    /** Shows the choice for a switch to {@code company}, which is not on the list today; hides it for null. */
    void showFor(String company) {
        setVisible(company != null);
        if (company == null) {
            changed.run();
            return;
        }
        LocalDate earliest = SubprocessorChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC));
        explanation.setText(company + " is not on the subprocessor list today. Organization workspaces get "
                + SubprocessorChanges.NOTICE_DAYS + " days' notice by email and may object before it takes effect.");
        effectiveOn.setMin(earliest);
        effectiveOn.setValue(earliest);
        effectiveOn.setInvalid(false);
        reason.clear();
        reason.setInvalid(false);
        mode.setValue(Mode.ANNOUNCE);
        showMode();
    }

    /** Whether the switch is to be announced rather than made now. */
    boolean announcing() {
        return isVisible() && mode.getValue() == Mode.ANNOUNCE;
    }

    boolean emergency() {
        return isVisible() && mode.getValue() == Mode.EMERGENCY;
    }

    LocalDate effectiveOn() {
        return effectiveOn.getValue();
    }

    String reason() {
        return reason.getValue();
    }

    /** Marks the reason field with the server's message about it. */
    void reasonRefused(String message) {
        reason.setErrorMessage(message);
        reason.setInvalid(true);
    }

    String actionLabel() {
        return announcing() ? "Announce the change" : emergency() ? "Switch now" : "Save and activate";
    }

    private void showMode() {
        effectiveOn.setVisible(mode.getValue() == Mode.ANNOUNCE);
        reason.setVisible(mode.getValue() == Mode.EMERGENCY);
        changed.run();
    }
}
