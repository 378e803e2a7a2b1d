package com.classentra.plugins.storage.local;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.plugin.api.storage.StorageProviderFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.pf4j.Extension;

/** Default storage provider: files stay in a directory on this server. */
@Extension
public class LocalStorageProvider implements StorageProviderFactory {

    static final String DIRECTORY = "directory";
    static final String MAX_OBJECT_MB = "maxObjectMb";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.STORAGE,
            "local",
            "Local filesystem",
            "Keeps uploaded files, exports and recordings in a directory on this server.",
            ConfigSchema.of(
                    ConfigField.of(DIRECTORY, "Storage directory", FieldType.PATH).asLocation()
                            .withHelp("Leave empty to use the files folder in the data directory."),
                    ConfigField.of(MAX_OBJECT_MB, "Largest object (MB)", FieldType.INTEGER)
                            .withDefault("512").withRange(1L, 102_400L)
                            .withHelp("Uploads above this size are refused before anything is kept.")),
            SubprocessorDisclosure.onThisServer("Files are stored on this server's disk"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ObjectStorage create(ProviderConfig config, ProviderContext context) throws ProviderException {
        Path root = context.directory(config, DIRECTORY, "files");
        long maxBytes = config.get(MAX_OBJECT_MB).map(Long::parseLong).orElse(512L) * 1024 * 1024;
        try {
            return new LocalObjectStorage(root, maxBytes);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.MISCONFIGURED,
                    "Cannot use the storage directory " + root + ": " + e.getMessage(), e);
        }
    }
}
