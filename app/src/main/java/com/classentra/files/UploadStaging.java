package com.classentra.files;

import com.classentra.platform.ClassentraProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * This node's folder of uploads waiting for their form ({@code <data directory>/upload-staging}). Forms remove their
 * own files when saved or gone; {@link #sweep} removes what a form left behind (the {@code staged-upload-sweep} job).
 * The folder starts empty: forms live in this node's memory, so none survives a restart.
 */
@Component
class UploadStaging {

    private final Path directory;

    UploadStaging(ClassentraProperties properties) throws IOException {
        this.directory = Files.createDirectories(properties.dataDirectory().resolve("upload-staging"));
        sweep(Duration.ZERO);
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

    /** Deletes the staged files last written at least {@code age} ago; returns how many. */
    int sweep(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int deleted = 0;
        for (Path file : files) {
            try {
                if (!Files.getLastModifiedTime(file).toInstant().isAfter(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (NoSuchFileException e) {
                // its form removed it meanwhile
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }
}
