package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The hosted providers' factories, asked in isolation ({@link PluginCalls}): instances built from settings, the
 * provider's own checks of settings, and the company settings choose. Stored settings are decrypted and validated
 * against the provider's schema first.
 */
@Component
class ProviderFactories {

    private final PluginHost host;
    private final SlotSecrets secrets;
    private final PluginCalls calls;
    private final ClassentraProperties properties;

    ProviderFactories(PluginHost host, SlotSecrets secrets, PluginCalls calls, ClassentraProperties properties) {
        this.host = host;
        this.secrets = secrets;
        this.calls = calls;
        this.properties = properties;
    }

    /** An instance for the stored settings, or a broken one saying why there is none (no provider, plugin gone, bad settings). */
    ActiveProvider build(StoredSlot stored) {
        Slot slot = stored.slot();
        if (stored.providerId() == null) {
            return ActiveProvider.broken(null, stored.version(), "No provider");
        }
        Optional<HostedProvider> hosted = host.provider(slot, stored.providerId());
        if (hosted.isEmpty()) {
            String why = stored.pluginId() == null ? "" : host.plugin(stored.pluginId())
                    .map(p -> p.failed() ? ": plugin " + p.id() + " failed (" + p.problem() + ")" : "")
                    .orElse(": plugin " + stored.pluginId() + " is not installed");
            return ActiveProvider.broken(stored.providerId(), stored.version(), "Provider '" + stored.providerId() + "' is not available" + why);
        }
        HostedProvider provider = hosted.get();
        try {
            ConfigSchema.Validation validation = storedSettings(provider, stored);
            if (!validation.valid()) {
                return ActiveProvider.broken(provider.descriptor().id(), stored.version(), "Stored settings are invalid: " + validation.errors());
            }
            ProviderInstance instance = instantiate(slot, provider, validation.config());
            return ActiveProvider.serving(provider.descriptor().id(), stored.version(), provider.pluginId(), provider.classLoader(), instance);
        } catch (ProviderException | IllegalStateException e) {
            return ActiveProvider.broken(provider.descriptor().id(), stored.version(), e.getMessage());
        }
    }

    /** Builds an instance of the hosted provider with decrypted, validated settings. */
    ProviderInstance instantiate(Slot slot, HostedProvider provider, ProviderConfig config) throws ProviderException {
        Path work = properties.dataDirectory().resolve("plugin-data").resolve(slot.key() + "-" + provider.descriptor().id());
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new ProviderException(Kind.MISCONFIGURED, "Cannot create " + work + ": " + e.getMessage(), e);
        }
        return calls.call(provider.descriptor().id(), provider.classLoader(), () -> provider.factory().create(config, new ProviderContext(work)));
    }

    /** The provider's own checks of settings that passed its schema. */
    List<FieldError> validate(HostedProvider provider, ProviderConfig config) {
        try {
            return calls.check(provider.descriptor().id(), provider.classLoader(), () -> provider.factory().validate(config));
        } catch (ProviderException e) {
            return List.of(new FieldError(null, "The provider could not check these settings: " + e.getMessage()));
        }
    }

    /** Health of an instance not yet in service. */
    HealthReport checkHealth(HostedProvider provider, ProviderInstance instance) {
        try {
            return calls.check(provider.descriptor().id(), provider.classLoader(), instance::checkHealth);
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
    }

    /**
     * Who processes personal data under these stored settings (the subprocessor page's row); empty when they name no
     * provider or its plugin is not installed, as then nothing is sent anywhere.
     */
    Optional<SubprocessorDisclosure> disclosure(StoredSlot stored) {
        return host.provider(stored.slot(), stored.providerId()).map(provider -> {
            ConfigSchema.Validation validation;
            try {
                validation = storedSettings(provider, stored);
            } catch (RuntimeException e) {
                // A secret that no longer decrypts (another master key): the provider's usual company is still the answer.
                return provider.descriptor().disclosure();
            }
            return validation.valid() ? disclosure(provider, validation.config()) : provider.descriptor().disclosure();
        });
    }

    /** The provider's disclosure for these settings; its generic one if it cannot answer. */
    SubprocessorDisclosure disclosure(HostedProvider provider, ProviderConfig config) {
        try {
            SubprocessorDisclosure disclosure = calls.check(provider.descriptor().id(), provider.classLoader(),
                    () -> provider.factory().disclosure(config));
            return disclosure == null ? provider.descriptor().disclosure() : disclosure;
        } catch (ProviderException e) {
            return provider.descriptor().disclosure();
        }
    }

    private ConfigSchema.Validation storedSettings(HostedProvider provider, StoredSlot stored) {
        return provider.descriptor().configSchema().validate(secrets.decrypted(stored.slot(), stored.config()));
    }
}
