package com.classentra.classwork;

import java.time.Instant;

/** Where a student stands on an assignment. */
public enum SubmissionStatus {
    ASSIGNED("Assigned"), SUBMITTED("Turned in"), LATE("Turned in late"), MISSING("Missing"), RETURNED("Returned");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From the latest turn-in (null when none) and the due date (null when there is none). */
    public static SubmissionStatus of(Instant submittedAt, boolean late, Instant dueAt, Instant now) {
        if (submittedAt != null) {
            return late ? LATE : SUBMITTED;
        }
        return dueAt != null && now.isAfter(dueAt) ? MISSING : ASSIGNED;
    }

    /**
     * The status once grading is taken into account: RETURNED while the teacher's returned grade answers the latest
     * turn-in (or there was none); a turn-in after the return is new work to grade, so the turn-in status stands.
     */
    public SubmissionStatus afterReturn(Instant gradeReturnedAt, Instant latestTurnIn) {
        if (gradeReturnedAt == null || latestTurnIn != null && latestTurnIn.isAfter(gradeReturnedAt)) {
            return this;
        }
        return RETURNED;
    }
}
