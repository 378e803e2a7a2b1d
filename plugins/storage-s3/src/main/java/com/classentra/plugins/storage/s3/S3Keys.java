package com.classentra.plugins.storage.s3;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import java.util.regex.Pattern;

/**
 * Maps the platform's keys to object keys under the configured prefix and back. Keys are plain relative paths of
 * simple segments (no "..", no leading slash, no empty segment), so no key can reach objects outside the prefix,
 * and the same keys work on the local provider, which a storage migration relies on.
 */
final class S3Keys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** S3 allows 1024 bytes; the prefix takes its share. */
    private static final int MAX_OBJECT_KEY_LENGTH = 1024;

    private final String prefix;

    S3Keys(String prefix) {
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The object key of a platform key, refusing anything that is not a plain relative key. */
    String objectKey(String key) throws ProviderException {
        if (key == null || key.isEmpty() || prefix.length() + key.length() > MAX_OBJECT_KEY_LENGTH) {
            throw new ProviderException(Kind.PERMANENT, "Invalid object key");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new ProviderException(Kind.PERMANENT, "Invalid object key: " + key);
            }
        }
        return prefix + key;
    }

    /** The object key prefix of a platform prefix in a listing: any leading part of a key, or empty for all. */
    String listPrefix(String keyPrefix) throws ProviderException {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            return prefix;
        }
        if (keyPrefix.startsWith("/") || keyPrefix.contains("..") || keyPrefix.contains("//") || keyPrefix.contains("\\")) {
            throw new ProviderException(Kind.PERMANENT, "Invalid key prefix: " + keyPrefix);
        }
        return prefix + keyPrefix;
    }

    /** The platform key of an object key listed under the prefix. */
    String platformKey(String objectKey) {
        return objectKey.substring(prefix.length());
    }

    String prefix() {
        return prefix;
    }
}
