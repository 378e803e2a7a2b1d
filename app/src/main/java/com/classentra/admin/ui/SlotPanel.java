package com.classentra.admin.ui;

import com.classentra.legal.SubprocessorChanges;
import com.classentra.legal.SubprocessorList;
import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.plugins.SlotRegistry.SlotHealth;
import com.classentra.platform.plugins.SlotSettings;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One slot in the console: its active provider and health, and a form to configure or switch it. */
class SlotPanel extends Div {

    private final transient ProviderCatalog catalog;
    private final transient SlotRegistry registry;
    private final transient ProviderSwitcher switcher;
    private final transient SubprocessorList subprocessors;
    private final transient SubprocessorChanges announcements;
    private final Slot slot;
    private final UUID actor;
    private final transient Runnable afterSwitch;
    private final Span status = new Span();
    private final Paragraph statusDetail = new Paragraph();
    private final Select<ProviderDescriptor> providerChoice = new Select<>();
    private final Div formHolder = new Div();
    private final Paragraph formProblems = new Paragraph();
    private final Button save = new Button("Save and activate", e -> save());
    private final SwitchTiming timing = new SwitchTiming(() -> save.setText(timingLabel()));
    private PluginSettingsForm form;

    /** @param afterSwitch what else on the page to refresh once the slot changed (or a change was announced) */
    SlotPanel(ProviderCatalog catalog, SlotRegistry registry, ProviderSwitcher switcher, SubprocessorList subprocessors,
            SubprocessorChanges announcements, Slot slot, UUID actor, Runnable afterSwitch) {
        this.catalog = catalog;
        this.registry = registry;
        this.switcher = switcher;
        this.subprocessors = subprocessors;
        this.announcements = announcements;
        this.slot = slot;
        this.actor = actor;
        this.afterSwitch = afterSwitch;
        addClassName("slot-panel");
        setId("slot-" + slot.key());

        H2 title = new H2(slot.displayName());
        Div heading = new Div(title, status);
        heading.addClassName("slot-heading");
        statusDetail.addClassName("slot-detail");
        formProblems.addClassName("form-problems");
        formProblems.setVisible(false);

        List<ProviderDescriptor> available = catalog.providers(slot);
        add(heading, statusDetail);
        if (available.isEmpty()) {
            add(new Paragraph("No provider is installed for this slot yet."));
            refreshStatus();
            return;
        }
        providerChoice.setLabel("Provider");
        providerChoice.setItems(available);
        providerChoice.setItemLabelGenerator(ProviderDescriptor::displayName);
        providerChoice.addValueChangeListener(e -> showForm(e.getValue()));
        SlotSettings settings = catalog.settings(slot);
        available.stream().filter(d -> d.id().equals(settings.providerId())).findFirst().ifPresentOrElse(
                providerChoice::setValue, () -> providerChoice.setPlaceholder("Choose a provider"));

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(providerChoice, formHolder, timing, formProblems, save);
        refreshStatus();
    }

    private void showForm(ProviderDescriptor provider) {
        formHolder.removeAll();
        formProblems.setVisible(false);
        if (provider == null) {
            return;
        }
        SlotSettings settings = catalog.settings(slot);
        boolean current = provider.id().equals(settings.providerId());
        form = new PluginSettingsForm(provider.configSchema(), current ? settings.values() : Map.of(),
                current ? settings.storedSecrets() : Set.of());
        Paragraph description = new Paragraph(provider.description());
        description.addClassName("provider-description");
        // With the provider's current settings, the company they choose (an SMTP relay's operator, say).
        SubprocessorDisclosure disclosure = current ? catalog.disclosure(slot).orElse(provider.disclosure()) : provider.disclosure();
        formHolder.add(description, disclosure(disclosure));
        if (!form.isEmpty()) {
            formHolder.add(form);
        }
        timing.showFor(disclosure.sharesPersonalData() ? disclosure.legalEntity() : null, subprocessors.newCompany(disclosure).isPresent());
    }

    private String timingLabel() {
        return timing.actionLabel();
    }

    /** What choosing this provider means for the subprocessor list. */
    private static Paragraph disclosure(SubprocessorDisclosure disclosure) {
        Paragraph line = new Paragraph(disclosure.sharesPersonalData()
                ? "Subprocessor: " + disclosure.legalEntity() + " · " + disclosure.location() + " · receives "
                        + String.join(", ", disclosure.dataCategories()) + " · EU-US DPF: " + disclosure.dpfStatus().label()
                : "No personal data leaves this server: " + disclosure.purpose() + ".");
        line.addClassName("provider-disclosure");
        return line;
    }

    private void save() {
        ProviderDescriptor provider = providerChoice.getValue();
        if (provider == null) {
            providerChoice.setErrorMessage("Choose a provider");
            providerChoice.setInvalid(true);
            return;
        }
        providerChoice.setInvalid(false);
        try {
            String done;
            if (timing.announcing()) {
                announcements.announce(slot, provider.id(), form.values(), timing.effectiveOn(), actor);
                done = provider.displayName() + " is announced for " + ClientTime.formatDate(timing.effectiveOn())
                        + "; organization workspaces are being told";
            } else if (timing.emergency()) {
                announcements.switchInEmergency(slot, provider.id(), form.values(), timing.reason(), actor);
                done = slot.displayName() + " now uses " + provider.displayName() + " (emergency change)";
            } else {
                switcher.switchProvider(slot, provider.id(), form.values(), actor);
                done = slot.displayName() + " now uses " + provider.displayName();
            }
            formProblems.setVisible(false);
            form.showErrors(List.of());
            Notification.show(done, 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showForm(provider);
            afterSwitch.run();
        } catch (ConfigRejectedException rejected) {
            rejected.errors().stream().filter(error -> "reason".equals(error.field())).findFirst()
                    .ifPresent(error -> timing.reasonRefused(error.message()));
            List<String> general = form.showErrors(rejected.errors().stream().filter(error -> !"reason".equals(error.field())).toList());
            formProblems.setText(general.isEmpty() ? "Check the highlighted settings." : String.join(" ", general));
            formProblems.setVisible(true);
        }
        refreshStatus();
    }

    /** What serves a slot that has no provider: the platform's own fallback, where it has one. */
    private static String withoutProvider(Slot slot) {
        return switch (slot) {
            case RATE_LIMITS -> "Built in: PostgreSQL";
            case ERRORS -> "Built in: server log only";
            default -> "No provider";
        };
    }

    private void refreshStatus() {
        SlotHealth health = registry.health(slot);
        String provider = health.providerId() == null ? "No provider"
                : catalog.provider(slot, health.providerId()).map(ProviderDescriptor::displayName).orElse(health.providerId());
        status.setText(health.healthy() == null ? withoutProvider(slot) : provider + (health.healthy() ? " · healthy" : " · unhealthy"));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add("badge " + (health.healthy() == null ? "contrast" : health.healthy() ? "success" : "error"));
        statusDetail.setText(health.detail());
        statusDetail.setVisible(health.healthy() != null);
    }
}
