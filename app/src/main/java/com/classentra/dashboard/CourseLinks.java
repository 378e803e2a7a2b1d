package com.classentra.dashboard;

import java.util.UUID;

/** Addresses of the course pages the dashboards link to. */
final class CourseLinks {

    private CourseLinks() {
    }

    static String course(UUID courseId) {
        return "/courses/" + courseId;
    }

    static String item(UUID courseId, UUID itemId) {
        return course(courseId) + "/items/" + itemId;
    }
}
