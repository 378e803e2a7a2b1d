package com.classentra.courses;

/** The course does not exist, or the caller may not see it: the answer is the same, so ids reveal nothing. */
public class CourseNotFoundException extends RuntimeException {

    public CourseNotFoundException() {
        super("No such course");
    }
}
