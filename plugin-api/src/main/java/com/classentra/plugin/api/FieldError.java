package com.classentra.plugin.api;

/** A message about one configuration field, shown next to that field. */
public record FieldError(String field, String message) {
}
