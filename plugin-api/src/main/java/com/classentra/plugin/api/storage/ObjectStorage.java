package com.classentra.plugin.api.storage;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A flat namespace of objects addressed by keys made of path segments ({@code tenant/course/file}).
 * Keys are chosen by the platform, never by users; implementations still refuse keys that could
 * escape their namespace.
 */
public interface ObjectStorage extends ProviderInstance {

    /**
     * Stores the content under the key, replacing any object there. The stream is read to its end and
     * must hold exactly {@code size} bytes; nothing is left behind when it does not.
     */
    ObjectInfo put(String key, InputStream content, long size, String contentType) throws ProviderException;

    /** Opens the object for reading; empty when there is none. The caller closes the stream. */
    Optional<InputStream> get(String key) throws ProviderException;

    Optional<ObjectInfo> stat(String key) throws ProviderException;

    /** Removes the object; true when there was one. */
    boolean delete(String key) throws ProviderException;

    /** One page of objects under the prefix, in key order, starting after {@code startAfter} (null: from the first). */
    List<ObjectInfo> list(String prefix, String startAfter, int limit) throws ProviderException;

    /**
     * A short-lived URL the browser can download from directly, when the provider supports it. Empty means
     * the platform streams the object itself.
     */
    default Optional<URI> presignedDownload(String key, Duration validity, String downloadFilename) throws ProviderException {
        return Optional.empty();
    }
}
