package com.classentra.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What a provider plugin contributes to a slot. The factory is created once per loaded plugin; the host
 * asks it for a {@link ProviderInstance} whenever the slot's configuration changes, so an administrator's
 * change applies to the next call without a restart.
 *
 * @param <T> the working interface of the slot
 */
public interface ProviderFactory<T extends ProviderInstance> extends ExtensionPoint {

    /** Identity, configuration schema and subprocessor disclosure of this provider. */
    ProviderDescriptor descriptor();

    /**
     * Checks that go beyond the schema (for instance that two fields agree). Called only with values that
     * already passed {@link ConfigSchema#validate}.
     */
    default List<FieldError> validate(ProviderConfig config) {
        return List.of();
    }

    /**
     * Who processes personal data with these settings. Most providers always name the same company, as their
     * descriptor does; a provider that can point at different operators (an SMTP relay, any S3-compatible
     * store, a self-hosted or managed Redis) names the one the settings choose.
     */
    default SubprocessorDisclosure disclosure(ProviderConfig config) {
        return descriptor().disclosure();
    }

    /** Builds a working instance for the given, validated configuration. */
    T create(ProviderConfig config, ProviderContext context) throws ProviderException;
}
