package com.classentra.admin.ui;

import com.classentra.legal.SubprocessorChanges;
import com.classentra.legal.SubprocessorList;
import com.classentra.legal.ui.SubprocessorTable;
import com.classentra.platform.plugins.PluginHost.LoadedPlugin;
import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.storage.StorageMigrations;
import com.classentra.plugin.api.Slot;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * "Subprocessors & plugins": every slot with its available and active providers, health, and a settings
 * form generated from the provider's schema; the changes announced ahead, with objections; the progress of a storage
 * migration; the subprocessor list those
 * providers make; then the plugins PF4J found, failed ones included.
 */
@Route("admin/subprocessors")
@Menu(title = "Subprocessors & plugins", order = 7, icon = "vaadin:plug")
@PageTitle("Subprocessors & plugins · Classentra")
@RolesAllowed("ADMIN")
public class SubprocessorsView extends Main {

    private final transient SubprocessorList subprocessors;
    private final Div subprocessorTable = new Div();
    private final StorageMigrationPanel storageMigration;
    private final AnnouncedChangesPanel announced;

    public SubprocessorsView(ProviderCatalog catalog, SlotRegistry registry, ProviderSwitcher switcher, SubprocessorList subprocessors,
            SubprocessorChanges announcements, StorageMigrations storageMigrations, AuthenticationContext authentication) {
        this.subprocessors = subprocessors;
        addClassName("console");
        SignedInUser admin = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        add(new ViewHeader("Subprocessors & plugins",
                "Choose which provider serves each slot. Changes apply to the next call, without a restart, and are audited."));

        Div slots = new Div();
        slots.addClassName("slot-grid");
        for (Slot slot : Slot.values()) {
            slots.add(new SlotPanel(catalog, registry, switcher, subprocessors, announcements, slot, admin.id(), this::afterSwitch));
        }
        add(slots);
        announced = new AnnouncedChangesPanel(announcements, admin.id(), this::showSubprocessors);
        add(announced);
        storageMigration = new StorageMigrationPanel(storageMigrations, catalog, admin.id());
        add(storageMigration);

        showSubprocessors();
        Section list = new Section(new H2("Subprocessor list"), new Paragraph(
                "Generated from the providers in service, as the public page shows it. It changes as soon as a slot does."),
                new Anchor("subprocessors", "Open the public page"), subprocessorTable);
        list.addClassName("subprocessor-list");
        add(list);

        Grid<LoadedPlugin> plugins = new Grid<>(LoadedPlugin.class, false);
        plugins.addColumn(LoadedPlugin::id).setHeader("Plugin").setAutoWidth(true);
        plugins.addColumn(LoadedPlugin::version).setHeader("Version").setAutoWidth(true);
        plugins.addColumn(LoadedPlugin::state).setHeader("State").setAutoWidth(true);
        plugins.addColumn(p -> p.failed() ? p.problem() : p.description()).setHeader("Details").setFlexGrow(1);
        plugins.setItems(catalog.plugins());
        plugins.setAllRowsVisible(true);
        plugins.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new Section(new H2("Installed plugins"), plugins));
    }

    private void afterSwitch() {
        showSubprocessors();
        announced.refresh();
        storageMigration.refresh();
    }

    private void showSubprocessors() {
        subprocessorTable.removeAll();
        List<SubprocessorList.Subprocessor> active = subprocessors.active();
        subprocessorTable.add(active.isEmpty()
                ? new Paragraph("No third party receives personal data: every slot runs on this server.")
                : new SubprocessorTable(active));
    }
}
