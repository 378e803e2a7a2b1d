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
 * When a switch to a provider that sends personal data to a company happens: at once (the default while the company is
 * on the subprocessor list), announced for a date at least 30 days ahead (the default for a company not on it), or at
 * once as an emergency with a written reason. Some providers name their company only through their settings (an SMTP
 * relay's operator), so the choice is offered for every such provider and the server has the last word.
 */
class SwitchTiming extends Div {

    enum Mode {
        NOW("Now"), ANNOUNCE("Announce it for a date"), EMERGENCY("Switch now: emergency");

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
        mode.addValueChangeListener(e -> showMode());
        reason.setHelperText("Shown in the public change log and emailed to every organization's privacy contact.");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        add(explanation, mode, effectiveOn, reason);
        setVisible(false);
    }

    /**
     * Shows the choice for a switch to a provider that sends data to {@code company}, new to the list or not; hides it
     * for null (the provider keeps everything on this server).
     */
    void showFor(String company, boolean newToTheList) {
        setVisible(company != null);
        if (company == null) {
            changed.run();
            return;
        }
        LocalDate earliest = SubprocessorChanges.earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC));
        explanation.setText(newToTheList ? company + " is not on the subprocessor list today. Organization workspaces get "
                + SubprocessorChanges.NOTICE_DAYS + " days' notice by email and may object before it takes effect."
                : "A company new to the subprocessor list is announced " + SubprocessorChanges.NOTICE_DAYS + " days ahead; one already on it "
                        + "can take over now.");
        effectiveOn.setMin(earliest);
        effectiveOn.setValue(earliest);
        effectiveOn.setInvalid(false);
        reason.clear();
        reason.setInvalid(false);
        mode.setValue(newToTheList ? Mode.ANNOUNCE : Mode.NOW);
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
