package com.classentra.legal.ui;

import com.classentra.legal.AnnouncedChange;
import com.classentra.legal.SubprocessorObjections.ChangeForWorkspace;
import com.classentra.legal.SubprocessorObjections.Outcome;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.function.Function;

/**
 * One announced change as a workspace sees it, and its written objection: the reason, sent once; afterwards, when it
 * was recorded. Used by the notice's page and by the workspace's settings.
 */
class ObjectionForm extends Div {

    private static final int REASON_LIMIT = 4000;

    private final transient Function<String, Outcome> object;

    /** @param object records the objection with the reason given; returns what happened */
    ObjectionForm(ChangeForWorkspace shown, Function<String, Outcome> object) {
        this.object = object;
        addClassName("objection-form");
        AnnouncedChange change = shown.change();
        UnorderedList facts = new UnorderedList(
                new ListItem("Takes effect on " + ClientTime.formatDate(change.effectiveOn())),
                new ListItem("Used for: " + change.slot().displayName() + ", replacing "
                        + (change.processorBefore() == null ? "this service's own servers" : change.processorBefore())),
                new ListItem("Purpose: " + change.purposeAfter()),
                new ListItem("Location of processing: " + change.locationAfter()),
                new ListItem("Data it receives: " + change.dataAfter()));
        add(facts);
        if (shown.objectedAt() != null) {
            recorded(shown.objectedAt());
        } else if (!shown.open()) {
            add(new Paragraph(switch (change.status()) {
                case CANCELLED -> "This change was withdrawn: nothing changes.";
                case APPLIED -> "This change took effect on " + ClientTime.formatDate(change.effectiveOn()) + "; the window for objections has closed.";
                default -> "This change is no longer open to objections.";
            }));
        } else {
            form();
        }
    }

    private void form() {
        TextArea reason = new TextArea("Your objection");
        reason.setHelperText("Say what concerns you about this company. The operator of this service reads every objection and answers in writing.");
        reason.setMaxLength(REASON_LIMIT);
        reason.setRequired(true);
        reason.setWidthFull();
        Button send = new Button("Send objection");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            Outcome outcome = object.apply(reason.getValue());
            switch (outcome) {
                case RECORDED, ALREADY_OBJECTED -> {
                    removeAll();
                    recorded(Instant.now());
                }
                case REASON_MISSING -> refuse(reason, "Write your objection first.");
                case REASON_TOO_LONG -> refuse(reason, "Keep it under " + REASON_LIMIT + " characters.");
                case CHANGE_NOT_OPEN -> {
                    removeAll();
                    add(new Paragraph("This change is no longer open to objections: it was withdrawn or has taken effect."));
                }
            }
        });
        add(reason, send);
    }

    private void recorded(Instant at) {
        Paragraph done = new Paragraph("Your workspace's objection was recorded on " + ClientTime.formatDate(at)
                + ". The operator of this service will answer in writing.");
        done.addClassName("objection-recorded");
        add(done);
    }

    private static void refuse(TextArea reason, String message) {
        reason.setErrorMessage(message);
        reason.setInvalid(true);
    }
}
