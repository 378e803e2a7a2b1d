package com.classentra.plugin.api;

/** How a configuration value is entered and checked. */
public enum FieldType {
    TEXT,
    INTEGER,
    BOOLEAN,
    /** An absolute http or https URL. */
    URL,
    EMAIL,
    /** A filesystem path on this server. */
    PATH,
    /** One of the field's listed options. */
    CHOICE
}
