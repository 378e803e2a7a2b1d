package com.classentra.files;

/** An upload that breaks the rules (size, type); the message is written for the person who sent it. */
public class UploadRefusedException extends RuntimeException {

    public UploadRefusedException(String message) {
        super(message);
    }
}
