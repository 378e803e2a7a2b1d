package com.classentra.admin.ui;

import com.classentra.legal.AnnouncedChange;
import com.classentra.legal.ChangeStatus;
import com.classentra.legal.SubprocessorChanges;
import com.classentra.legal.SubprocessorChanges.ObjectionShown;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NarrowWindow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.UUID;

/**
 * The subprocessor changes announced ahead, for the administrator: when each takes effect, where it stands, and the
 * objections workspaces made to it; a change still to come can be withdrawn (the workspaces are told).
 */
class AnnouncedChangesPanel extends Section {

    private final transient SubprocessorChanges changes;
    private final UUID actor;
    private final transient Runnable afterChange;
    private final Grid<AnnouncedChange> grid = new Grid<>(AnnouncedChange.class, false);

    AnnouncedChangesPanel(SubprocessorChanges changes, UUID actor, Runnable afterChange) {
        this.changes = changes;
        this.actor = actor;
        this.afterChange = afterChange;
        addClassName("announced-changes");
        setId("announced-changes");
        Grid.Column<AnnouncedChange> effective = grid.addColumn(c -> ClientTime.formatDate(c.effectiveOn())).setHeader("Takes effect").setAutoWidth(true);
        grid.addComponentColumn(AnnouncedChangesPanel::what).setHeader("Change").setFlexGrow(1);
        grid.addComponentColumn(AnnouncedChangesPanel::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::objections).setHeader("Objections").setAutoWidth(true);
        grid.addComponentColumn(this::withdrawButton).setHeader("").setAutoWidth(true);
        NarrowWindow.follow(this, phone -> effective.setVisible(!phone));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No change announced. A switch that brings a new company is announced from its slot above.");
        add(new H2("Announced changes"), new Paragraph("Switches that bring a new company onto the list take effect on their date, "
                + SubprocessorChanges.NOTICE_DAYS + " days or more after organization workspaces were told."), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(changes.recent(50));
    }

    private static Component what(AnnouncedChange change) {
        Span line = new Span(change.slot().displayName() + ": " + (change.processorBefore() == null ? "this service's own servers" : change.processorBefore())
                + " replaced by " + change.processorAfter());
        Div cell = new Div(line);
        if (change.failure() != null) {
            Span failure = new Span("Not made: " + change.failure());
            failure.addClassName("form-problems");
            cell.add(failure);
        }
        return cell;
    }

    private static Span status(AnnouncedChange change) {
        Span badge = new Span(switch (change.status()) {
            case SCHEDULED -> "announced";
            case APPLIED -> "in effect";
            case CANCELLED -> "withdrawn";
            case FAILED -> "failed";
        });
        badge.getElement().getThemeList().add("badge " + switch (change.status()) {
            case SCHEDULED -> "contrast";
            case APPLIED -> "success";
            case CANCELLED -> "";
            case FAILED -> "error";
        });
        return badge;
    }

    private Component objections(AnnouncedChange change) {
        if (change.objections() == 0) {
            return new Span("None");
        }
        Button show = new Button(change.objections() + (change.objections() == 1 ? " objection" : " objections"), e -> showObjections(change));
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return show;
    }

    private void showObjections(AnnouncedChange change) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Objections to " + change.processorAfter());
        List<ObjectionShown> objections = changes.objections(change.id());
        for (ObjectionShown objection : objections) {
            Div entry = new Div(new H3(objection.workspace()),
                    new Paragraph(ClientTime.format(objection.at()) + (objection.fromNoticeLink() ? " · from the notice's link" : " · in the workspace's settings")),
                    new Paragraph(objection.reason()));
            entry.addClassName("objection");
            dialog.add(entry);
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private Component withdrawButton(AnnouncedChange change) {
        Button withdraw = new Button("Withdraw", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Withdraw this change?",
                    change.processorAfter() + " will not take over " + change.slot().displayName() + ". Every organization workspace is told.",
                    "Withdraw", ok -> {
                        Notification.show(changes.withdraw(change.id(), actor) ? "Withdrawn; workspaces are being told." : "This change is no longer announced.");
                        refresh();
                        afterChange.run();
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        withdraw.setVisible(change.status() == ChangeStatus.SCHEDULED);
        return withdraw;
    }
}
