package com.classentra.classwork;

import static com.classentra.db.jooq.Tables.SUBMISSION;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** jOOQ queries on submissions and their versions; a student reaches only their own rows. */
@Repository
class SubmissionRepository {

    private final DSLContext db;

    SubmissionRepository(DSLContext db) {
        this.db = db;
    }

    record Head(UUID id, int currentVersion) {
    }

    /** The student's submission row, locked so two turn-ins at once number their versions one after the other. */
    Optional<Head> lockHead(UUID assignmentId, UUID studentId) {
        return db.select(SUBMISSION.ID, SUBMISSION.CURRENT_VERSION).from(SUBMISSION)
                .where(SUBMISSION.ASSIGNMENT_ID.eq(assignmentId).and(SUBMISSION.STUDENT_ID.eq(studentId)))
                .forUpdate()
                .fetchOptional(r -> new Head(r.value1(), r.value2()));
    }

    void insertHead(UUID id, UUID tenantId, UUID courseId, UUID assignmentId, UUID studentId, OffsetDateTime at, boolean late) {
        db.insertInto(SUBMISSION).set(SUBMISSION.ID, id).set(SUBMISSION.TENANT_ID, tenantId).set(SUBMISSION.COURSE_ID, courseId)
                .set(SUBMISSION.ASSIGNMENT_ID, assignmentId).set(SUBMISSION.STUDENT_ID, studentId).set(SUBMISSION.CURRENT_VERSION, 1)
                .set(SUBMISSION.SUBMITTED_AT, at).set(SUBMISSION.LATE, late)
                .execute();
    }

    void advanceHead(UUID id, int version, OffsetDateTime at, boolean late) {
        db.update(SUBMISSION).set(SUBMISSION.CURRENT_VERSION, version).set(SUBMISSION.SUBMITTED_AT, at).set(SUBMISSION.LATE, late)
                .where(SUBMISSION.ID.eq(id)).execute();
    }

    void insertVersion(UUID submissionId, int version, UUID tenantId, UUID studentId, String textHtml, OffsetDateTime at, boolean late) {
        db.insertInto(SUBMISSION_VERSION).set(SUBMISSION_VERSION.SUBMISSION_ID, submissionId).set(SUBMISSION_VERSION.VERSION, version)
                .set(SUBMISSION_VERSION.TENANT_ID, tenantId).set(SUBMISSION_VERSION.STUDENT_ID, studentId)
                .set(SUBMISSION_VERSION.TEXT_HTML, textHtml).set(SUBMISSION_VERSION.SUBMITTED_AT, at).set(SUBMISSION_VERSION.LATE, late)
                .execute();
    }

    record VersionRow(UUID submissionId, int version, String textHtml, OffsetDateTime submittedAt, boolean late) {
    }

    /** Every version of one student's submission to an assignment, newest first. */
    List<VersionRow> versions(UUID assignmentId, UUID studentId) {
        return db.select(SUBMISSION_VERSION.SUBMISSION_ID, SUBMISSION_VERSION.VERSION, SUBMISSION_VERSION.TEXT_HTML,
                        SUBMISSION_VERSION.SUBMITTED_AT, SUBMISSION_VERSION.LATE)
                .from(SUBMISSION_VERSION).join(SUBMISSION).on(SUBMISSION.ID.eq(SUBMISSION_VERSION.SUBMISSION_ID))
                .where(SUBMISSION.ASSIGNMENT_ID.eq(assignmentId).and(SUBMISSION.STUDENT_ID.eq(studentId)))
                .orderBy(SUBMISSION_VERSION.VERSION.desc())
                .fetch(r -> new VersionRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
