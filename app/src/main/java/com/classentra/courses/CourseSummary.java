package com.classentra.courses;

import com.classentra.courses.CourseForm.Visibility;
import java.time.LocalDate;
import java.util.UUID;

/** A course as lists show it. */
public record CourseSummary(UUID id, String title, String descriptionHtml, LocalDate startsOn, LocalDate endsOn,
        Visibility visibility, String joinCode, boolean archived, int activeStudents) {
}
