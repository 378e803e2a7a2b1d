package com.classentra.platform.plugins;

import com.classentra.plugin.api.Slot;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A slot's choice as stored: the provider and its settings (secret fields encrypted). Version 0 means an
 * administrator never chose and the configured default serves the slot with no settings.
 */
public record StoredSlot(Slot slot, String providerId, String pluginId, Map<String, String> config, long version,
        UUID updatedBy, OffsetDateTime updatedAt) {

    public StoredSlot {
        config = Map.copyOf(config);
    }
}
