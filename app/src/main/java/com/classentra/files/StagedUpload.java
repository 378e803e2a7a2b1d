package com.classentra.files;

import java.nio.file.Path;

/**
 * A file received from the browser and checked, waiting in the staging folder until its form is saved.
 * Nothing reaches storage or the database before that.
 */
public record StagedUpload(Path path, String filename, String contentType, long sizeBytes) {

    public void discard() {
        UploadStaging.delete(path);
    }
}
