package com.classentra.platform.plugins;

import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Changes which provider serves a slot, at runtime. The new settings are validated against the provider's
 * schema and its own checks, the provider is built and health-checked, and only then is the choice saved
 * (secrets encrypted), audited and installed for the next call. Any failure leaves the previous provider
 * active and reports field-level messages.
 */
@Service
public class ProviderSwitcher {

    private final SlotRegistry registry;
    private final PluginHost host;
    private final ProviderFactories factories;
    private final SlotSecrets secrets;
    private final SlotStateStore store;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final List<SlotChangeListener> listeners;
    private final EndpointGuard endpoints;

    ProviderSwitcher(SlotRegistry registry, PluginHost host, ProviderFactories factories, SlotSecrets secrets, SlotStateStore store,
            PlatformScope platformScope, AuditLog audit, List<SlotChangeListener> listeners, EndpointGuard endpoints) {
        this.registry = registry;
        this.host = host;
        this.factories = factories;
        this.secrets = secrets;
        this.store = store;
        this.platformScope = platformScope;
        this.audit = audit;
        this.listeners = List.copyOf(listeners);
        this.endpoints = endpoints;
    }

    /**
     * Makes {@code providerId} the slot's provider with the given form values, as an ordinary change. Secret fields
     * left blank keep their stored value when the provider and its endpoints stay the same, so an administrator need
     * not retype them; with a changed endpoint they must be entered again ({@link EndpointGuard}).
     *
     * @return the slot's new settings version
     */
    @PreAuthorize("hasRole('ADMIN')")
    public long switchProvider(Slot slot, String providerId, Map<String, String> form, UUID actor) throws ConfigRejectedException {
        return switchProvider(slot, providerId, form, actor, SwitchNotice.none());
    }

    /** As {@link #switchProvider(Slot, String, Map, UUID)}, on the footing {@code notice} states (listeners may require one). */
    @PreAuthorize("hasRole('ADMIN')")
    public long switchProvider(Slot slot, String providerId, Map<String, String> form, UUID actor, SwitchNotice notice)
            throws ConfigRejectedException {
        return install(validated(slot, providerId, form), actor, notice);
    }

    /**
     * Checks a switch to be made later (an announced subprocessor change) as thoroughly as one made now, the provider
     * tried out with its settings included, and returns the settings sealed for storing until then.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PreparedSwitch prepare(Slot slot, String providerId, Map<String, String> form) throws ConfigRejectedException {
        Validated switching = validated(slot, providerId, form);
        tryOut(slot, switching.provider(), switching.validation()).close();
        return new PreparedSwitch(slot, providerId, switching.provider().pluginId(),
                secrets.encrypted(slot, switching.schema(), switching.validation().config().values()),
                processor(factories.disclosure(switching.current())), switching.after());
    }

    /**
     * Applies a switch prepared earlier with its sealed settings, checked again against the provider as it is today.
     * Runs from a background job: the announcement was the administrator's decision.
     */
    public long applyPrepared(Slot slot, String providerId, Map<String, String> sealedSettings, SwitchNotice notice)
            throws ConfigRejectedException {
        return install(validated(slot, providerId, secrets.decrypted(slot, sealedSettings)), null, notice);
    }

    /** A switch checked ahead of time, its settings sealed as the slot state stores them. */
    public record PreparedSwitch(Slot slot, String providerId, String pluginId, Map<String, String> sealedSettings, String processorBefore,
            SubprocessorDisclosure after) {
    }

    private record Validated(Slot slot, String providerId, HostedProvider provider, ConfigSchema schema, StoredSlot current,
            ConfigSchema.Validation validation, SubprocessorDisclosure after) {
    }

    private Validated validated(Slot slot, String providerId, Map<String, String> form) throws ConfigRejectedException {
        HostedProvider provider = host.provider(slot, providerId).orElseThrow(() -> new ConfigRejectedException(
                List.of(new FieldError("provider", "No available provider '" + providerId + "' for " + slot.displayName()))));
        ConfigSchema schema = provider.descriptor().configSchema();
        StoredSlot current = registry.stored(slot);
        // Only the same provider's settings are compared and kept from: another provider's secrets never carry over.
        Map<String, String> previous = providerId.equals(current.providerId()) ? secrets.decrypted(slot, current.config()) : Map.of();
        Map<String, String> values = new HashMap<>(form);
        Set<String> keptSecrets = keepSecrets(schema, values, previous);

        ConfigSchema.Validation validation = schema.validate(values);
        List<FieldError> errors = new ArrayList<>(validation.errors());
        if (errors.isEmpty()) {
            errors.addAll(endpoints.refusals(schema, keptSecrets, previous, validation.config()));
        }
        if (errors.isEmpty()) {
            errors.addAll(factories.validate(provider, validation.config()));
        }
        if (!errors.isEmpty()) {
            throw new ConfigRejectedException(errors);
        }
        return new Validated(slot, providerId, provider, schema, current, validation, factories.disclosure(provider, validation.config()));
    }

    private long install(Validated switching, UUID actor, SwitchNotice notice) throws ConfigRejectedException {
        Slot slot = switching.slot();
        String providerId = switching.providerId();
        HostedProvider provider = switching.provider();
        StoredSlot current = switching.current();
        // Location settings are never secret, so the stored values compare as they are.
        boolean dataMoves = !providerId.equals(current.providerId())
                || !switching.schema().sameLocation(current.config(), switching.validation().config().values());
        SlotChange change = new SlotChange(slot, dataMoves, switching.after(), notice);
        for (SlotChangeListener listener : listeners) {
            Optional<String> refusal = listener.refusal(change);
            if (refusal.isPresent()) {
                throw new ConfigRejectedException(List.of(new FieldError(null, refusal.get())));
            }
        }
        ProviderInstance instance = tryOut(slot, provider, switching.validation());
        try {
            Map<String, String> stored = secrets.encrypted(slot, switching.schema(), switching.validation().config().values());
            long version = platformScope.inTransaction(actor, "switch " + slot.key() + " provider", () -> {
                long saved = store.save(slot, providerId, provider.pluginId(), stored, actor);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("from", current.providerId());
                details.put("to", providerId);
                details.put("settings", new TreeSet<>(stored.keySet()));
                // The public subprocessor page lists a change whenever the company processing the data changes.
                details.put("subprocessorBefore", processor(factories.disclosure(current)));
                details.put("subprocessorAfter", processor(Optional.of(switching.after())));
                details.put("notice", notice.kind().name());
                if (notice.reason() != null) {
                    details.put("reason", notice.reason());
                }
                if (notice.changeId() != null) {
                    details.put("announcedChange", notice.changeId().toString());
                }
                audit.record(null, actor, Objects.equals(current.providerId(), providerId) ? "plugin.slot.reconfigured" : "plugin.slot.switched",
                        "slot", slot.key(), details);
                listeners.forEach(listener -> listener.changed(current, providerId, saved, dataMoves, actor));
                return saved;
            });
            registry.install(slot, ActiveProvider.serving(providerId, version, provider.pluginId(), provider.classLoader(), instance));
            return version;
        } catch (DataIntegrityViolationException e) {
            // Two administrators at once (a second storage migration, say): the database kept only the first.
            instance.close();
            throw new ConfigRejectedException(List.of(new FieldError(null,
                    "Someone else changed " + slot.displayName() + " at the same moment. Reload the page to see the change, then try again.")));
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** The company that receives personal data, or null when nothing leaves this server. */
    private static String processor(Optional<SubprocessorDisclosure> disclosure) {
        return disclosure.filter(SubprocessorDisclosure::sharesPersonalData).map(SubprocessorDisclosure::legalEntity).orElse(null);
    }

    /** Fills the secrets left blank from the previous settings; returns their keys. */
    private static Set<String> keepSecrets(ConfigSchema schema, Map<String, String> values, Map<String, String> previous) {
        Set<String> kept = new HashSet<>();
        for (ConfigField field : schema.fields()) {
            String entered = values.get(field.key());
            if (field.secret() && (entered == null || entered.isBlank()) && previous.containsKey(field.key())) {
                values.put(field.key(), previous.get(field.key()));
                kept.add(field.key());
            }
        }
        return kept;
    }

    /** Builds the provider and asks it whether it works, before it replaces the provider in service. */
    private ProviderInstance tryOut(Slot slot, HostedProvider provider, ConfigSchema.Validation validation) throws ConfigRejectedException {
        ProviderInstance instance;
        try {
            instance = factories.instantiate(slot, provider, validation.config());
        } catch (ProviderException e) {
            throw new ConfigRejectedException(List.of(new FieldError(null, e.getMessage())));
        }
        HealthReport health = factories.checkHealth(provider, instance);
        if (!health.healthy()) {
            instance.close();
            throw new ConfigRejectedException(List.of(new FieldError(null, "The provider is not working with these settings: " + health.detail())));
        }
        return instance;
    }
}
