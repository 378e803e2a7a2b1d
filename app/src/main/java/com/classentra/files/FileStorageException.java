package com.classentra.files;

/** The storage slot could not take or give a file; the person is asked to try again, nothing is half-stored. */
public class FileStorageException extends RuntimeException {

    public FileStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
