package com.classentra.plugin.api.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server error without personal data: the platform removes emails, names, tokens and cookies first.
 *
 * @param stackFrames "class.method(File.java:line)" from the innermost frame out
 * @param tags        low-cardinality context: route, release, node
 */
public record ErrorEvent(
        String eventId, Instant occurredAt, String exceptionType, String message, List<String> stackFrames,
        String release, Map<String, String> tags) {

    public ErrorEvent {
        stackFrames = List.copyOf(stackFrames);
        tags = Map.copyOf(tags);
    }
}
