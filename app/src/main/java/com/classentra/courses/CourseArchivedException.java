package com.classentra.courses;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An archived course is read-only until its teacher restores it. */
@ResponseStatus(HttpStatus.CONFLICT)
public class CourseArchivedException extends RuntimeException {

    public CourseArchivedException(String message) {
        super(message);
    }
}
