package com.classentra.files;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such file, or not one the caller may see: the two are answered alike. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class FileNotFoundException extends RuntimeException {

    public FileNotFoundException() {
        super("This file does not exist or is not shared with you.");
    }
}
