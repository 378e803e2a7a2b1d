package com.classentra.files;

import com.classentra.platform.ClassentraProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** This node's folder of uploads waiting for their form ({@code <data directory>/upload-staging}). */
@Component
class UploadStaging {

    private final Path directory;

    UploadStaging(ClassentraProperties properties) throws IOException {
        this.directory = Files.createDirectories(properties.dataDirectory().resolve("upload-staging"));
    }

    Path directory() {
        return directory;
    }

    /** A new empty file in the folder, readable by this process only. */
    Path newFile() {
        try {
            return Files.createTempFile(directory, "upload-", ".staged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a staged file if it is still there. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
