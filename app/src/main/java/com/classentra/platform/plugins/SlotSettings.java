package com.classentra.platform.plugins;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A slot's chosen provider and its settings as the console shows them.
 *
 * @param values        the settings that are not secret
 * @param storedSecrets the names of the secrets stored, whose values never leave the server
 */
public record SlotSettings(String providerId, Map<String, String> values, Set<String> storedSecrets, UUID updatedBy,
        OffsetDateTime updatedAt) {
}
