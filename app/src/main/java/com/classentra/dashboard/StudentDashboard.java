package com.classentra.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a student's start page shows: deadlines (due soon or missing), today's sessions, returned grades and their courses. */
public record StudentDashboard(List<Deadline> deadlines, List<Session> sessionsToday, List<Feedback> feedback, List<EnrolledCourse> courses) {

    /** An assignment the student has not turned in: due within the coming days, or already past due ({@code missing}). */
    public record Deadline(UUID courseId, String courseTitle, UUID assignmentId, String title, Instant dueAt, boolean missing) {

        public String link() {
            return CourseLinks.item(courseId, assignmentId);
        }
    }

    /** A grade returned to the student, shown as the gradebook shows it ("8 / 10", "85%", "B+"). */
    public record Feedback(UUID courseId, String courseTitle, UUID assignmentId, String title, String grade, Instant returnedAt) {

        public String link() {
            return CourseLinks.item(courseId, assignmentId);
        }
    }

    public record EnrolledCourse(UUID courseId, String title) {

        public String link() {
            return CourseLinks.course(courseId);
        }
    }
}
