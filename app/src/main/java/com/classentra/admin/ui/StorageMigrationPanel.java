package com.classentra.admin.ui;

import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.storage.StorageMigration;
import com.classentra.platform.storage.StorageMigrations;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Progress of the latest storage migration: how many objects are copied and verified, which copies failed and
 * when they are tried again, or that they were given up (then they can be tried again from here). Refreshes itself
 * while the copy runs.
 */
class StorageMigrationPanel extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final transient StorageMigrations migrations;
    private final transient ProviderCatalog catalog;
    private final UUID actor;
    private Registration polling;

    StorageMigrationPanel(StorageMigrations migrations, ProviderCatalog catalog, UUID actor) {
        this.migrations = migrations;
        this.catalog = catalog;
        this.actor = actor;
        addClassName("storage-migration");
        setId("storage-migration");
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    /** Shows the latest migration, and polls for progress only while one is copying. */
    void refresh() {
        removeAll();
        Optional<StorageMigration> latest = migrations.recent(1).stream().findFirst();
        setVisible(latest.isPresent());
        latest.ifPresent(this::show);
        boolean copying = latest.map(StorageMigration::running).orElse(false);
        getUI().ifPresent(ui -> ui.setPollInterval(copying ? 3000 : -1));
    }

    private void show(StorageMigration migration) {
        Span state = new Span(switch (migration.status()) {
            case COPYING -> "Copying";
            case DONE -> "Complete";
            case ABANDONED -> "Abandoned";
        });
        state.getElement().getThemeList().add("badge " + switch (migration.status()) {
            case COPYING -> "";
            case DONE -> "success";
            case ABANDONED -> "error";
        });
        Div heading = new Div(new H2("Storage migration"), state);
        heading.addClassName("slot-heading");
        add(heading);
        add(new Paragraph("From " + name(migration.source().providerId()) + " to " + name(migration.targetProviderId()) + ", started "
                + TIME.format(migration.startedAt().atZoneSameInstant(java.time.ZoneOffset.UTC))
                + (migration.finishedAt() == null ? "" : ", finished " + TIME.format(migration.finishedAt().atZoneSameInstant(java.time.ZoneOffset.UTC)))
                + "."));
        ProgressBar progress = new ProgressBar();
        if (migration.listingDone() && migration.listed() > 0) {
            progress.setValue((double) migration.settled() / migration.listed());
        } else {
            progress.setIndeterminate(migration.running());
            progress.setValue(migration.running() ? 0 : 1);
        }
        add(progress);
        Paragraph counts = new Paragraph(migration.settled() + " of " + migration.listed() + (migration.listingDone() ? "" : "+")
                + " objects done: " + migration.copied() + " copied and verified (" + megabytes(migration.bytesCopied()) + "), "
                + migration.present() + " already there, " + migration.gone() + " deleted meanwhile"
                + failures(migration) + ".");
        counts.addClassName("migration-counts");
        add(counts);
        if (migration.running()) {
            add(new Paragraph("Until the copy is complete, files not yet copied are read from " + name(migration.source().providerId())
                    + "; the files cannot move elsewhere until then (new credentials for the new provider are fine)."));
        }
        if (migration.lastError() != null) {
            Paragraph error = new Paragraph(migration.lastError());
            error.addClassName("form-problems");
            add(error);
        }
        List<StorageMigration.FailedCopy> failures = migration.failing() == 0 ? List.of() : migrations.failures(migration.id(), 50);
        if (!failures.isEmpty()) {
            Grid<StorageMigration.FailedCopy> grid = new Grid<>(StorageMigration.FailedCopy.class, false);
            grid.addColumn(StorageMigration.FailedCopy::key).setHeader("Object").setFlexGrow(2);
            grid.addColumn(StorageMigration.FailedCopy::attempts).setHeader("Tries").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(f -> f.givenUp() ? "Given up" : TIME.format(f.nextAttemptAt().atZoneSameInstant(java.time.ZoneOffset.UTC)))
                    .setHeader("Next try").setAutoWidth(true);
            grid.addColumn(StorageMigration.FailedCopy::error).setHeader("Last error").setFlexGrow(3);
            grid.setItems(failures);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            add(grid);
        }
        if (migration.running() && migration.givenUp() > 0) {
            Button retry = new Button("Try the given-up copies again", e -> {
                migrations.retryGivenUp(migration.id(), actor);
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(retry);
        }
        if (migration.running()) {
            Button abandon = new Button("Abandon migration…", e -> confirmAbandon(migration));
            abandon.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(abandon);
        }
    }

    /** The failed copies in the counts sentence: waiting for their next try, or given up and waiting for the administrator. */
    private static String failures(StorageMigration migration) {
        if (migration.failing() == 0) {
            return "";
        }
        if (migration.givenUp() == 0) {
            return "; " + migration.failing() + " failed and will be tried again";
        }
        return "; " + migration.failing() + " failed, " + migration.givenUp() + " of them given up after repeated tries: fix the cause and try"
                + " them again, or abandon the migration";
    }

    private void confirmAbandon(StorageMigration migration) {
        ConfirmDialog dialog = new ConfirmDialog("Abandon the storage migration?",
                "Only do this when " + name(migration.source().providerId()) + " can no longer be read. Files not yet copied ("
                        + (migration.listed() - migration.settled()) + (migration.listingDone() ? "" : " or more")
                        + ") will stay only there and stop opening in Classentra.",
                "Abandon", e -> {
                    migrations.abandon(migration.id(), actor);
                    refresh();
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** The provider's name as the slot panels show it; its id when its plugin is gone. */
    private String name(String providerId) {
        return catalog.provider(Slot.STORAGE, providerId).map(ProviderDescriptor::displayName).orElse("'" + providerId + "'");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
