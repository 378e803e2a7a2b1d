package com.classentra.plugins.video.livekit;

import tools.jackson.databind.JsonNode;

/**
 * LiveKit's API answers in proto field names (snake_case, 64-bit numbers as strings) and its webhooks in JSON names
 * (lowerCamelCase, empty fields left out): one reader for both.
 */
final class LiveKitJson {

    private LiveKitJson() {
    }

    /** The first of the names present, as text; empty when none is. */
    static String text(JsonNode node, String snake, String camel) {
        JsonNode value = field(node, snake, camel);
        return value.isValueNode() ? value.asString("") : "";
    }

    /** A 64-bit number sent as a JSON number or as a string; 0 when absent. */
    static long number(JsonNode node, String snake, String camel) {
        JsonNode value = field(node, snake, camel);
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return value.isString() && !value.asString().isEmpty() ? Long.parseLong(value.asString()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static JsonNode field(JsonNode node, String snake, String camel) {
        JsonNode value = node.path(snake);
        return value.isMissingNode() || value.isNull() ? node.path(camel) : value;
    }
}
