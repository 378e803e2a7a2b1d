package com.classentra.admin.ui;

import com.classentra.accounts.abuse.SignUpCountryPolicy;
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

    public AdminDashboardView(SlotRegistry registry, SignUpCountryPolicy countries) {
        super("Administration", "Run the platform: subprocessors, tenants and operations.", cards(registry, countries));
    }

    private static Div[] cards(SlotRegistry registry, SignUpCountryPolicy countries) {
        return countries.knowsCountries() ? new Div[] {slotsCard(registry)} : new Div[] {countryWarning(), slotsCard(registry)};
    }

    /** Blocking by country needs to know the country: said plainly rather than admitting everyone in silence. */
    private static Div countryWarning() {
        Div card = new Div(new H2("Country blocking is not working"),
                new Paragraph("This server cannot tell which country a sign-up comes from: no trusted country header "
                        + "(classentra.abuse.country-headers, set by an edge such as Cloudflare) nor a GeoIP database "
                        + "(classentra.abuse.geoip-database) is configured. Sign-ups from the blocked countries are admitted, and "
                        + "everyone under 16 is refused because the EEA age rule cannot be told apart."),
                new Paragraph("docs/operations.md, \"Countries where sign-up is refused\", says how to set either."));
        card.addClassName("empty-state");
        card.addClassName("attention");
        card.setId("country-blocking-warning");
        return card;
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
