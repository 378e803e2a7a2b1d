package com.classentra.plugin.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The settings a provider needs, in the order an administrator fills them in. */
public record ConfigSchema(List<ConfigField> fields) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ConfigSchema {
        fields = List.copyOf(fields);
        if (fields.stream().map(ConfigField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("Config field keys must be unique");
        }
    }

    public static ConfigSchema of(ConfigField... fields) {
        return new ConfigSchema(List.of(fields));
    }

    public static ConfigSchema empty() {
        return new ConfigSchema(List.of());
    }

    /**
     * Whether two sets of settings name the same place for the provider's data: every {@link ConfigField#location()}
     * field has the same value in both (absent counts as a value).
     */
    public boolean sameLocation(Map<String, String> one, Map<String, String> other) {
        return sameValues(ConfigField::location, one, other);
    }

    /**
     * Whether two sets of settings make the provider connect to the same servers: every {@link ConfigField#endpoint()}
     * field has the same value in both (absent counts as a value).
     */
    public boolean sameEndpoints(Map<String, String> one, Map<String, String> other) {
        return sameValues(ConfigField::endpoint, one, other);
    }

    private boolean sameValues(Predicate<ConfigField> which, Map<String, String> one, Map<String, String> other) {
        return fields.stream().filter(which).allMatch(f -> Objects.equals(one.get(f.key()), other.get(f.key())));
    }

    public Optional<ConfigField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Checks raw form values against the schema. Blank values take the field's default; keys the schema
     * does not know are refused, so a typo cannot pass silently.
     */
    public Validation validate(Map<String, String> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            if (field(key).isEmpty()) {
                errors.add(new FieldError(key, "Unknown setting \"" + key + "\""));
            }
        }
        for (ConfigField field : fields) {
            String value = raw.get(field.key());
            value = value == null ? "" : value.strip();
            if (value.isEmpty() && field.defaultValue() != null) {
                value = field.defaultValue();
            }
            if (value.isEmpty()) {
                if (field.required()) {
                    errors.add(new FieldError(field.key(), field.label() + " is required"));
                }
                continue;
            }
            String problem = check(field, value);
            if (problem != null) {
                errors.add(new FieldError(field.key(), problem));
            } else {
                values.put(field.key(), value);
            }
        }
        return new Validation(new ProviderConfig(values), errors);
    }

    private static String check(ConfigField field, String value) {
        return switch (field.type()) {
            case INTEGER -> checkInteger(field, value);
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : field.label() + " must be true or false";
            case URL -> checkUrl(field, value);
            case EMAIL -> EMAIL.matcher(value).matches() ? null : field.label() + " must be an email address";
            case PATH -> checkPath(field, value);
            case CHOICE -> field.options().contains(value)
                    ? null : field.label() + " must be one of " + String.join(", ", field.options());
            case TEXT -> checkText(field, value);
        };
    }

    private static String checkInteger(ConfigField field, String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return field.label() + " must be a whole number";
        }
        if (field.min() != null && number < field.min()) {
            return field.label() + " must be at least " + field.min();
        }
        if (field.max() != null && number > field.max()) {
            return field.label() + " must be at most " + field.max();
        }
        return null;
    }

    private static String checkUrl(ConfigField field, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return field.label() + " must be an http or https URL with a host";
            }
            return null;
        } catch (URISyntaxException e) {
            return field.label() + " is not a valid URL";
        }
    }

    private static String checkPath(ConfigField field, String value) {
        try {
            Path.of(value);
            return value.indexOf('\0') >= 0 ? field.label() + " is not a valid path" : null;
        } catch (InvalidPathException e) {
            return field.label() + " is not a valid path";
        }
    }

    private static String checkText(ConfigField field, String value) {
        if (field.min() != null && value.length() < field.min()) {
            return field.label() + " must be at least " + field.min() + " characters";
        }
        if (field.max() != null && value.length() > field.max()) {
            return field.label() + " must be at most " + field.max() + " characters";
        }
        if (field.pattern() != null && !value.matches(field.pattern())) {
            return field.label() + (field.patternHint() != null ? " " + field.patternHint() : " has an invalid format");
        }
        return null;
    }

    /** Result of {@link #validate}: the accepted values with defaults applied, and any field errors. */
    public record Validation(ProviderConfig config, List<FieldError> errors) {

        public Validation {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
