package com.classentra.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file received from the browser and checked, waiting in a temporary file until its form is saved.
 * Nothing reaches storage or the database before that.
 */
public record StagedUpload(Path path, String filename, String contentType, long sizeBytes) {

    public void discard() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
