package com.classentra.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A message, edit or reaction that is refused, with why in words for the person; nothing stored changes. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class MessagingRefusedException extends RuntimeException {

    public MessagingRefusedException(String message) {
        super(message);
    }
}
