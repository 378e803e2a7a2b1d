package com.classentra.courses;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The course does not exist, or the caller may not see it: the answer is the same, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CourseNotFoundException extends RuntimeException {

    public CourseNotFoundException() {
        super("This course does not exist or you are not in it.");
    }
}
