package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.net.PublicAddresses;
import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refuses provider settings that would send credentials where the administrator did not mean them to go: stored
 * secrets kept while an endpoint changed, and endpoints on this machine, its private networks or a cloud metadata
 * service (unless {@code classentra.plugins.allow-private-endpoints}). It judges the settings a provider's schema
 * marks as endpoints ({@link ConfigField#endpoint()}), so every plugin is covered without checking anything itself.
 */
@Component
class EndpointGuard {

    private final boolean allowPrivate;
    private final PublicAddresses.Resolver resolver;

    @Autowired
    EndpointGuard(ClassentraProperties properties) {
        this(properties.plugins().allowPrivateEndpoints(), PublicAddresses.DNS);
    }

    EndpointGuard(boolean allowPrivate, PublicAddresses.Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

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
        if (!allowPrivate) {
            schema.fields().stream().filter(ConfigField::endpoint)
                    .forEach(field -> config.get(field.key()).flatMap(value -> notPublic(field, value)).ifPresent(errors::add));
        }
        return errors;
    }

    private Optional<FieldError> notPublic(ConfigField field, String value) {
        String host = host(value);
        if (host == null) {
            return Optional.of(new FieldError(field.key(), field.label() + " must name a server"));
        }
        return PublicAddresses.whyNotPublic(host, resolver)
                .map(why -> new FieldError(field.key(), field.label() + " must name a public server: " + host + " " + why));
    }

    /** The server an endpoint setting names: a URL's host (never its user info, which may be a key), or the value itself. */
    private static String host(String value) {
        if (!value.contains("://")) {
            return value;
        }
        try {
            return new URI(value).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** "Password" reads "password" inside a sentence; "API key" and "DSN" keep their capitals. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
