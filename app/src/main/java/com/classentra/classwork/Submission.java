package com.classentra.classwork;

import com.classentra.files.StoredFileInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A student's work on one assignment, with every version they turned in (newest first). */
public record Submission(UUID id, UUID assignmentId, UUID studentId, SubmissionStatus status, List<Version> versions) {

    public record Version(int number, String textHtml, Instant submittedAt, boolean late, List<StoredFileInfo> files) {
    }

    public static Submission none(UUID assignmentId, UUID studentId, SubmissionStatus status) {
        return new Submission(null, assignmentId, studentId, status, List.of());
    }

    public boolean turnedIn() {
        return !versions.isEmpty();
    }
}
