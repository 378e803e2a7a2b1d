package com.classentra.plugin.api;

/**
 * A configured provider, ready to serve calls. The host closes it when the slot is switched to another
 * provider or reconfigured, after calls in flight have finished.
 */
public interface ProviderInstance extends AutoCloseable {

    /** Answers quickly whether the provider can serve calls now, and why not when it cannot. */
    HealthReport checkHealth();

    @Override
    default void close() {
    }
}
