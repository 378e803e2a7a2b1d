package com.classentra.platform.plugins;

import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.platform.plugins.PluginHost.LoadedPlugin;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the console and the subprocessor page know of plugins: providers as their descriptors, who processes data
 * under a slot's settings, the settings themselves with secrets only named, and the plugins found. It never hands
 * out a factory, a PF4J object or a class loader, so plugin code runs only through {@link SlotRegistry} and
 * {@link ProviderSwitcher}, isolated.
 */
@Service
public class ProviderCatalog {

    private final PluginHost host;
    private final SlotRegistry registry;
    private final SlotSecrets secrets;
    private final ProviderFactories factories;

    ProviderCatalog(PluginHost host, SlotRegistry registry, SlotSecrets secrets, ProviderFactories factories) {
        this.host = host;
        this.registry = registry;
        this.secrets = secrets;
        this.factories = factories;
    }

    /** The providers the console can offer for the slot, by display name. */
    public List<ProviderDescriptor> providers(Slot slot) {
        return host.providers(slot).stream().map(HostedProvider::descriptor).toList();
    }

    /** The slot's provider with this id; empty when no started plugin offers it (any more). */
    public Optional<ProviderDescriptor> provider(Slot slot, String providerId) {
        return host.provider(slot, providerId).map(HostedProvider::descriptor);
    }

    /**
     * The slot's chosen provider and its settings as the console may show them: non-secret values in
     * clear, secrets only named (never sent back to a browser).
     */
    public SlotSettings settings(Slot slot) {
        StoredSlot stored = registry.stored(slot);
        return secrets.redacted(stored, provider(slot, stored.providerId()).map(ProviderDescriptor::configSchema));
    }

    /** Who processes personal data for the slot with the settings stored now: its row on the subprocessor page. */
    public Optional<SubprocessorDisclosure> disclosure(Slot slot) {
        return disclosure(registry.stored(slot));
    }

    /** Who processes personal data under a former choice still in use: a storage migration's source. */
    public Optional<SubprocessorDisclosure> disclosure(StoredSlot stored) {
        return factories.disclosure(stored);
    }

    /** Every plugin found, including those that failed to load or start. */
    public List<LoadedPlugin> plugins() {
        return host.plugins();
    }
}
