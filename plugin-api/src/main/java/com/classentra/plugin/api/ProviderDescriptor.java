package com.classentra.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a provider declares about itself.
 *
 * @param slot        the slot it serves
 * @param id          stable identifier, unique within the slot (lower case, digits and dashes), e.g. {@code local}
 * @param displayName name shown to administrators, e.g. "Local mailbox"
 * @param description one sentence on what it does
 * @param configSchema the settings it needs
 * @param disclosure  who processes personal data when this provider is active
 */
public record ProviderDescriptor(
        Slot slot,
        String id,
        String displayName,
        String description,
        ConfigSchema configSchema,
        SubprocessorDisclosure disclosure) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ProviderDescriptor {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(configSchema, "configSchema");
        Objects.requireNonNull(disclosure, "disclosure: every provider must declare its subprocessor disclosure");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Provider id must be lower case letters, digits and dashes: " + id);
        }
        description = description == null ? "" : description;
    }
}
