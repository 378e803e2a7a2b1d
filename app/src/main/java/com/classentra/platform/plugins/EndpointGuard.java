package com.classentra.platform.plugins;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Refuses provider settings that would send credentials where the administrator did not mean them to go: stored
 * secrets kept while an endpoint changed. It judges the settings a provider's schema marks as endpoints
 * ({@link ConfigField#endpoint()}), so every plugin is covered without checking anything itself.
 */
@Component
class EndpointGuard {

    /**
     * Field messages for the validated settings, empty when they may be saved.
     *
     * @param keptSecrets keys of the secrets left blank and taken from {@code previous}, the provider's stored settings
     */
    List<FieldError> refusals(ConfigSchema schema, Set<String> keptSecrets, Map<String, String> previous, ProviderConfig config) {
        List<FieldError> errors = new ArrayList<>();
        if (!keptSecrets.isEmpty() && !schema.sameEndpoints(previous, config.values())) {
            schema.fields().stream().filter(field -> keptSecrets.contains(field.key())).forEach(field -> errors.add(
                    new FieldError(field.key(), "Enter the " + inSentence(field.label()) + " again: the address changed")));
        }
        return errors;
    }

    /** "Password" reads "password" inside a sentence; "API key" and "DSN" keep their capitals. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
