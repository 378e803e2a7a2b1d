package com.classentra.platform.plugins;

import com.classentra.plugin.api.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** A provider switch refused because of its settings; the previous provider stays active. */
public class ConfigRejectedException extends Exception {

    private final transient List<FieldError> errors;

    /** @param errors what is wrong, by field; a feature that guards a switch (its notice, its date) refuses with these too */
    public ConfigRejectedException(List<FieldError> errors) {
        super(errors.stream().map(e -> (e.field() == null ? "" : e.field() + ": ") + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Field-level messages; a null field means the message concerns the whole form. */
    public List<FieldError> errors() {
        return errors;
    }
}
