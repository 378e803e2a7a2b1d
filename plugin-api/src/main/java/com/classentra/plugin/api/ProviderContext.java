package com.classentra.plugin.api;

import java.nio.file.Path;

/**
 * What the host gives a provider besides its settings.
 *
 * @param workDirectory a directory private to this provider on this server (created by the host), where
 *                      local providers keep their data unless an administrator points them elsewhere
 */
public record ProviderContext(Path workDirectory) {
}
