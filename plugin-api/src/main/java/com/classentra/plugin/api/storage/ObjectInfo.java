package com.classentra.plugin.api.storage;

import java.time.Instant;

/**
 * What is known of a stored object.
 *
 * @param sha256 hex SHA-256 of the content, used to verify copies; null when the provider does not know it
 */
public record ObjectInfo(String key, long size, String contentType, String sha256, Instant lastModified) {
}
