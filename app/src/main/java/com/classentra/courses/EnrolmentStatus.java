package com.classentra.courses;

/** Where a student stands in a course: in it, or out of it by their own choice or by the teacher's. */
public enum EnrolmentStatus {
    ACTIVE, LEFT, REMOVED
}
