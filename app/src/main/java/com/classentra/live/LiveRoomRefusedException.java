package com.classentra.live;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Joining or recording a room is refused, with why in words for the person. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class LiveRoomRefusedException extends RuntimeException {

    public LiveRoomRefusedException(String message) {
        super(message);
    }
}
