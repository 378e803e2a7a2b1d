package com.classentra.plugin.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the host gives a provider besides its settings.
 *
 * @param workDirectory a directory private to this provider on this server (created by the host), where
 *                      local providers keep their data unless an administrator points them elsewhere
 */
public record ProviderContext(Path workDirectory) {

    /**
     * The directory named by the PATH setting {@code key}, or {@code defaultName} inside the work directory
     * when the setting is empty; created when missing.
     */
    public Path directory(ProviderConfig config, String key, String defaultName) throws ProviderException {
        Path directory = config.get(key).map(Path::of).orElse(workDirectory.resolve(defaultName));
        try {
            return Files.createDirectories(directory).toRealPath();
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.MISCONFIGURED,
                    "Cannot use the directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
