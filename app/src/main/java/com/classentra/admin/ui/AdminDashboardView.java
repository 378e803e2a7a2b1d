package com.classentra.admin.ui;

import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.text.Counted;
import com.classentra.plugin.api.Slot;
import com.classentra.shell.DashboardPage;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;

/** The operator's start page: how the subprocessor slots are doing. Tenants, outbox and audit views come later. */
@Route("admin")
@Menu(title = "Administration", order = 6, icon = "vaadin:cog")
@PageTitle("Administration · Classentra")
@RolesAllowed("ADMIN")
public class AdminDashboardView extends DashboardPage {

    public AdminDashboardView(SlotRegistry registry) {
        super("Administration", "Run the platform: subprocessors, tenants and operations.", slotsCard(registry));
    }

    private static Div slotsCard(SlotRegistry registry) {
        List<SlotRegistry.SlotHealth> health = Arrays.stream(Slot.values()).map(registry::health).toList();
        long unhealthy = health.stream().filter(h -> Boolean.FALSE.equals(h.healthy())).count();
        long empty = health.stream().filter(h -> h.healthy() == null).count();
        Div card = new Div(new H2("Subprocessor slots"),
                new Paragraph(unhealthy == 0 ? "All configured providers are healthy." : Counted.of(unhealthy, "slot needs", "slots need") + " attention."),
                new Paragraph(empty + " of " + Slot.values().length + " slots have no provider yet."),
                new Anchor(RouteConfiguration.forSessionScope().getUrl(SubprocessorsView.class), "Open Subprocessors & plugins"));
        card.addClassName("empty-state");
        return card;
    }
}
