package com.classentra.plugin.api;

import java.util.Map;
import java.util.Optional;

/** Validated settings of a provider, secrets already decrypted. Values absent here were left empty. */
public record ProviderConfig(Map<String, String> values) {

    public ProviderConfig {
        values = Map.copyOf(values);
    }

    public static ProviderConfig empty() {
        return new ProviderConfig(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Setting " + key + " is missing; the schema should have required it");
        }
        return value;
    }

    public long integer(String key) {
        return Long.parseLong(require(key));
    }

    /** Shows keys only, so a config never prints its secrets into a log. */
    @Override
    public String toString() {
        return "ProviderConfig" + values.keySet();
    }
}
