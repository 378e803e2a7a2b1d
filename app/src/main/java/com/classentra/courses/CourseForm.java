package com.classentra.courses;

import java.time.LocalDate;

/** What a teacher enters for a course; the description is HTML from the editor and is sanitised before storing. */
public record CourseForm(String title, String descriptionHtml, LocalDate startsOn, LocalDate endsOn, Visibility visibility) {

    /** Who can find the course: PRIVATE by invitation, UNLISTED by link, PUBLIC on the teacher's storefront. */
    public enum Visibility { PRIVATE, UNLISTED, PUBLIC }
}
