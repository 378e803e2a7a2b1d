package com.classentra.classwork;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such item in the course, or not one the caller may see: the two are answered alike. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException() {
        super("This item does not exist or is not shared with you.");
    }
}
