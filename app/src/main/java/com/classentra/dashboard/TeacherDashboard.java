package com.classentra.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a teacher's start page shows: today's sessions, work waiting for a grade and each active course's recent activity. */
public record TeacherDashboard(List<Session> sessionsToday, List<WorkToGrade> workToGrade, List<CourseActivity> courses) {

    /**
     * A turn-in with no grade yet, or turned in again after it was graded ({@code regrade}).
     *
     * @param version the number of the latest version turned in
     */
    public record WorkToGrade(UUID courseId, String courseTitle, UUID assignmentId, String assignmentTitle, UUID studentId,
            String studentName, Instant turnedInAt, int version, boolean late, boolean regrade) {

        public String link() {
            return CourseLinks.item(courseId, assignmentId);
        }
    }

    /**
     * An active course at a glance.
     *
     * @param lastPost        the newest shared item, null when nothing is posted yet
     * @param recentTurnIns   work turned in during the last seven days
     */
    public record CourseActivity(UUID courseId, String title, int activeStudents, Post lastPost, int recentTurnIns) {

        public String link() {
            return CourseLinks.course(courseId);
        }
    }

    /** An item posted in a course. */
    public record Post(UUID itemId, String title, Instant postedAt) {
    }
}
