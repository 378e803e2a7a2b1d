package com.classentra.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting of a provider. Built with {@link #of} or {@link #choice} and the {@code as...}/{@code with...}
 * methods, e.g.
 * {@code ConfigField.of("apiKey", "API key", FieldType.TEXT).asRequired().asSecret()}.
 *
 * @param secret       stored encrypted and never shown back to the administrator
 * @param defaultValue used when the administrator leaves the field empty; null for none
 * @param min          smallest allowed value (INTEGER) or length (TEXT); null for no bound
 * @param max          largest allowed value (INTEGER) or length (TEXT); null for no bound
 * @param pattern      regular expression a TEXT value must match entirely; null for any
 * @param patternHint  what the pattern means, shown when a value does not match
 * @param options      allowed values of a CHOICE field
 * @param location     the setting says where the provider keeps its data (a bucket, a directory): changing it
 *                     means the data must move, and the platform copies it (storage migration); changing any
 *                     other setting (a key, a timeout) does not
 * @param endpoint     the setting says where the provider connects (a host name, an API address, a DSN): when it
 *                     changes, the platform no longer keeps the stored secrets (they must be entered again) and
 *                     refuses private and cloud-metadata addresses. Every {@link FieldType#URL} field is one
 */
public record ConfigField(
        String key,
        String label,
        FieldType type,
        boolean required,
        boolean secret,
        String defaultValue,
        String help,
        Long min,
        Long max,
        String pattern,
        String patternHint,
        List<String> options,
        boolean location,
        boolean endpoint) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9.]{0,62}");

    public ConfigField {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Config field key must be a simple identifier: " + key);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        options = List.copyOf(options);
        if (type == FieldType.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("CHOICE field " + key + " needs options");
        }
        if (pattern != null) {
            Pattern.compile(pattern);
        }
        // A URL names a server the provider talks to; a plugin cannot forget to say so.
        endpoint = endpoint || type == FieldType.URL;
    }

    public static ConfigField of(String key, String label, FieldType type) {
        return new ConfigField(key, label, type, false, false, null, "", null, null, null, null, List.of(), false, false);
    }

    /** A field whose value must be one of the given options. */
    public static ConfigField choice(String key, String label, String... options) {
        return new ConfigField(key, label, FieldType.CHOICE, false, false, null, "", null, null, null, null, List.of(options), false, false);
    }

    public ConfigField asRequired() {
        return new ConfigField(key, label, type, true, secret, defaultValue, help, min, max, pattern, patternHint, options, location, endpoint);
    }

    public ConfigField asSecret() {
        return new ConfigField(key, label, type, required, true, defaultValue, help, min, max, pattern, patternHint, options, location, endpoint);
    }

    public ConfigField withDefault(String value) {
        return new ConfigField(key, label, type, required, secret, value, help, min, max, pattern, patternHint, options, location, endpoint);
    }

    public ConfigField withHelp(String text) {
        return new ConfigField(key, label, type, required, secret, defaultValue, text, min, max, pattern, patternHint, options, location, endpoint);
    }

    public ConfigField withRange(Long lowest, Long highest) {
        return new ConfigField(key, label, type, required, secret, defaultValue, help, lowest, highest, pattern, patternHint, options, location, endpoint);
    }

    /** Marks the setting as naming where the provider keeps its data; see {@code location}. */
    public ConfigField asLocation() {
        return new ConfigField(key, label, type, required, secret, defaultValue, help, min, max, pattern, patternHint, options, true, endpoint);
    }

    /** Marks the setting as naming the server the provider connects to; see {@code endpoint}. */
    public ConfigField asEndpoint() {
        return new ConfigField(key, label, type, required, secret, defaultValue, help, min, max, pattern, patternHint, options, location, true);
    }

    public ConfigField withPattern(String regex, String hint) {
        return new ConfigField(key, label, type, required, secret, defaultValue, help, min, max, regex, hint, options, location, endpoint);
    }
}
