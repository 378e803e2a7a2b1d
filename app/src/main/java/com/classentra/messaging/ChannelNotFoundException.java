package com.classentra.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The channel or message does not exist, or the caller does not read it: the answer is the same, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ChannelNotFoundException extends RuntimeException {

    public ChannelNotFoundException() {
        super("This conversation does not exist or you are not in it.");
    }
}
