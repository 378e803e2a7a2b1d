package com.classentra.grading;

import com.classentra.classwork.GradingScale;
import com.classentra.classwork.SubmissionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The gradebook's shape: its columns (assignments) and how many rows (students) it has; rows load page by page. */
public record Gradebook(UUID courseId, List<Column> columns, int studentCount) {

    public record Column(UUID assignmentId, String title, GradingScale scale, BigDecimal pointsPossible, Instant dueAt) {
    }

    /** One student's line: a cell per assignment id. */
    public record Row(UUID studentId, String name, String email, Map<UUID, Cell> cells) {
    }

    /** Where the student stands on one assignment, and the grade if there is one. */
    public record Cell(SubmissionStatus status, Instant submittedAt, int versions, Grade grade) {
    }
}
