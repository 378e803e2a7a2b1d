package com.classentra.admin.ui;

import com.classentra.platform.plugins.PluginHost;
import com.classentra.platform.plugins.PluginHost.LoadedPlugin;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.Slot;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * "Subprocessors & plugins": every slot with its available and active providers, health, and a settings
 * form generated from the provider's schema; then the plugins PF4J found, failed ones included.
 */
@Route("admin/subprocessors")
@PageTitle("Subprocessors & plugins · Classentra")
@RolesAllowed("ADMIN")
public class SubprocessorsView extends Main {

    public SubprocessorsView(SlotRegistry registry, ProviderSwitcher switcher, PluginHost host, AuthenticationContext authentication) {
        addClassName("console");
        SignedInUser admin = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        add(new ViewHeader("Subprocessors & plugins",
                "Choose which provider serves each slot. Changes apply to the next call, without a restart, and are audited."));

        Div slots = new Div();
        slots.addClassName("slot-grid");
        for (Slot slot : Slot.values()) {
            slots.add(new SlotPanel(registry, switcher, slot, admin.id()));
        }
        add(slots);

        Grid<LoadedPlugin> plugins = new Grid<>(LoadedPlugin.class, false);
        plugins.addColumn(LoadedPlugin::id).setHeader("Plugin").setAutoWidth(true);
        plugins.addColumn(LoadedPlugin::version).setHeader("Version").setAutoWidth(true);
        plugins.addColumn(LoadedPlugin::state).setHeader("State").setAutoWidth(true);
        plugins.addColumn(p -> p.failed() ? p.problem() : p.description()).setHeader("Details").setFlexGrow(1);
        plugins.setItems(host.plugins());
        plugins.setAllRowsVisible(true);
        plugins.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new Section(new H2("Installed plugins"), plugins));
    }
}
