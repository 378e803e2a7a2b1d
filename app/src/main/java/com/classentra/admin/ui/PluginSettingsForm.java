package com.classentra.admin.ui;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form generated from a provider's configuration schema. Every value is sent to the server as text and
 * checked there, so a bad value gets the schema's message next to its field. Secrets are never filled
 * in: a stored secret shows as "kept unless you enter a new one".
 */
class PluginSettingsForm extends FormLayout {

    private final Map<String, Component> fields = new LinkedHashMap<>();

    PluginSettingsForm(ConfigSchema schema, Map<String, String> values, Set<String> storedSecrets) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        // A changed endpoint makes the platform ask for the secrets again (EndpointGuard), so the form says so up front.
        String storedSecret = schema.fields().stream().anyMatch(ConfigField::endpoint)
                ? "Stored — kept unless you enter a new one or change the address" : "Stored — kept unless you enter a new one";
        for (ConfigField field : schema.fields()) {
            Component input = input(field, values.get(field.key()), storedSecrets.contains(field.key()) ? storedSecret : "");
            fields.put(field.key(), input);
            add(input);
        }
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, input) -> {
            Object value = ((AbstractField<?, ?>) input).getValue();
            values.put(key, value == null ? "" : value.toString());
        });
        return values;
    }

    /** Marks the fields named in the errors; returns the messages that concern no single field. */
    List<String> showErrors(List<FieldError> errors) {
        fields.values().forEach(input -> ((HasValidation) input).setInvalid(false));
        return errors.stream().filter(error -> {
            Component input = error.field() == null ? null : fields.get(error.field());
            if (input == null) {
                return true;
            }
            ((HasValidation) input).setErrorMessage(error.message());
            ((HasValidation) input).setInvalid(true);
            return false;
        }).map(FieldError::message).toList();
    }

    /** @param secretPlaceholder what a secret field shows in place of its stored value, which is never sent back */
    private static Component input(ConfigField field, String value, String secretPlaceholder) {
        String label = field.label() + (field.required() ? " *" : "");
        return switch (field.type()) {
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label, Boolean.parseBoolean(value != null ? value : field.defaultValue()));
                box.setHelperText(field.help());
                yield box;
            }
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.options());
                select.setValue(value != null ? value : field.defaultValue());
                select.setHelperText(field.help());
                yield select;
            }
            default -> {
                if (field.secret()) {
                    PasswordField secret = new PasswordField(label);
                    secret.setPlaceholder(secretPlaceholder);
                    secret.setHelperText(field.help());
                    yield secret;
                }
                TextField text = new TextField(label);
                text.setValue(value == null ? "" : value);
                text.setPlaceholder(field.defaultValue() == null ? "" : field.defaultValue());
                text.setHelperText(field.help());
                text.setClearButtonVisible(true);
                yield text;
            }
        };
    }
}
