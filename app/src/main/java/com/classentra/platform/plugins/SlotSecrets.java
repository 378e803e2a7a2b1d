package com.classentra.platform.plugins;

import com.classentra.platform.secrets.SecretCipher;
import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.Slot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The secrets in a slot's stored settings: encrypted for {@code plugin_slot_state} (bound to their slot and
 * field), decrypted only to build or ask a provider, and never shown back, only named.
 */
@Component
class SlotSecrets {

    private final SecretCipher cipher;

    SlotSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Stored settings with secrets decrypted. */
    Map<String, String> decrypted(Slot slot, Map<String, String> storedConfig) {
        Map<String, String> plain = new HashMap<>();
        storedConfig.forEach((key, value) -> plain.put(key, SecretCipher.isEncrypted(value) ? cipher.decrypt(value, context(slot, key)) : value));
        return plain;
    }

    /** Settings to store, with the fields the schema marks secret encrypted. */
    Map<String, String> encrypted(Slot slot, ConfigSchema schema, Map<String, String> plain) {
        Map<String, String> stored = new HashMap<>();
        plain.forEach((key, value) -> {
            boolean secret = schema.field(key).map(ConfigField::secret).orElse(false);
            stored.put(key, secret ? cipher.encrypt(value, context(slot, key)) : value);
        });
        return stored;
    }

    /**
     * The stored settings as the console may show them: non-secret values in clear, secrets only named. Without the
     * provider's schema (its plugin is gone), whatever is stored encrypted counts as secret.
     */
    SlotSettings redacted(StoredSlot stored, Optional<ConfigSchema> schema) {
        Map<String, String> visible = new HashMap<>();
        Set<String> secrets = new HashSet<>();
        stored.config().forEach((key, value) -> {
            boolean secret = schema.flatMap(s -> s.field(key)).map(ConfigField::secret).orElse(SecretCipher.isEncrypted(value));
            if (secret) {
                secrets.add(key);
            } else {
                visible.put(key, value);
            }
        });
        return new SlotSettings(stored.providerId(), visible, secrets, stored.updatedBy(), stored.updatedAt());
    }

    private static String context(Slot slot, String key) {
        return slot.key() + "/" + key;
    }
}
