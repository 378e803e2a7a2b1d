package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.lower;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * jOOQ queries on personal course invitations. The workspace reads and changes its own (row-level security); the
 * invitee reaches theirs only through the SECURITY DEFINER preview and accept functions.
 */
@Repository
class CourseInvitationRepository {

    private final DSLContext db;

    CourseInvitationRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The open invitation for this address in the course, sent (again) now and valid until {@code expiresAt}: a new one,
     * or the one already open, whose link stays the same. Returns its id.
     */
    UUID sendOpen(UUID tenantId, UUID courseId, String email, UUID invitedBy, OffsetDateTime expiresAt) {
        return db.insertInto(COURSE_INVITATION)
                .set(COURSE_INVITATION.ID, UUID.randomUUID()).set(COURSE_INVITATION.TENANT_ID, tenantId)
                .set(COURSE_INVITATION.COURSE_ID, courseId).set(COURSE_INVITATION.EMAIL, email)
                .set(COURSE_INVITATION.INVITED_BY, invitedBy).set(COURSE_INVITATION.EXPIRES_AT, expiresAt)
                .onConflict(COURSE_INVITATION.COURSE_ID, lower(COURSE_INVITATION.EMAIL))
                .where(COURSE_INVITATION.ACCEPTED_AT.isNull(), COURSE_INVITATION.REVOKED_AT.isNull())
                .doUpdate()
                .set(COURSE_INVITATION.SENT_AT, currentOffsetDateTime())
                .set(COURSE_INVITATION.EXPIRES_AT, excluded(COURSE_INVITATION.EXPIRES_AT))
                .set(COURSE_INVITATION.INVITED_BY, excluded(COURSE_INVITATION.INVITED_BY))
                .returning(COURSE_INVITATION.ID)
                .fetchSingle(COURSE_INVITATION.ID);
    }

    /** An invitation neither accepted nor revoked, expired or not. */
    record OpenInvitation(UUID id, String email, OffsetDateTime sentAt, OffsetDateTime expiresAt) {
    }

    List<OpenInvitation> open(UUID courseId) {
        return db.select(COURSE_INVITATION.ID, COURSE_INVITATION.EMAIL, COURSE_INVITATION.SENT_AT, COURSE_INVITATION.EXPIRES_AT)
                .from(COURSE_INVITATION)
                .where(COURSE_INVITATION.COURSE_ID.eq(courseId), COURSE_INVITATION.ACCEPTED_AT.isNull(), COURSE_INVITATION.REVOKED_AT.isNull())
                .orderBy(COURSE_INVITATION.SENT_AT.desc(), COURSE_INVITATION.EMAIL)
                .fetch(r -> new OpenInvitation(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    Optional<OpenInvitation> findOpen(UUID courseId, UUID invitationId) {
        return db.select(COURSE_INVITATION.ID, COURSE_INVITATION.EMAIL, COURSE_INVITATION.SENT_AT, COURSE_INVITATION.EXPIRES_AT)
                .from(COURSE_INVITATION)
                .where(COURSE_INVITATION.ID.eq(invitationId), COURSE_INVITATION.COURSE_ID.eq(courseId),
                        COURSE_INVITATION.ACCEPTED_AT.isNull(), COURSE_INVITATION.REVOKED_AT.isNull())
                .fetchOptional(r -> new OpenInvitation(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    boolean revoke(UUID courseId, UUID invitationId) {
        return db.update(COURSE_INVITATION).set(COURSE_INVITATION.REVOKED_AT, currentOffsetDateTime())
                .where(COURSE_INVITATION.ID.eq(invitationId), COURSE_INVITATION.COURSE_ID.eq(courseId),
                        COURSE_INVITATION.ACCEPTED_AT.isNull(), COURSE_INVITATION.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** What the link leads to for the signed-in caller; empty when no invitation has this id. */
    Optional<InvitationLookup> preview(UUID invitationId) {
        return db.fetchOptional("select * from course_invitation_preview(?)", invitationId)
                .map(r -> new InvitationLookup(r.get("course_id", UUID.class), r.get("title", String.class), r.get("teacher_name", String.class),
                        r.get("archived", Boolean.class), r.get("invited_email", String.class), r.get("state", String.class),
                        r.get("for_caller", Boolean.class),
                        Optional.ofNullable(r.get("enrolment_status", String.class)).map(EnrolmentStatus::valueOf).orElse(null)));
    }

    /**
     * @param state           PENDING, ACCEPTED, REVOKED or EXPIRED
     * @param forCaller       whether the caller's verified address is the invited one
     * @param enrolmentStatus the caller's enrolment in the course, null when they never joined it
     */
    record InvitationLookup(UUID courseId, String title, String teacherName, boolean archived, String invitedEmail, String state,
            boolean forCaller, EnrolmentStatus enrolmentStatus) {
    }

    /** Accepts the invitation for the signed-in person, through the function that checks everything in one statement. */
    Acceptance accept(UUID invitationId) {
        return db.fetchSingle("select * from accept_course_invitation(?)", invitationId)
                .map(r -> new Acceptance(r.get("outcome", String.class), r.get("course_id", UUID.class),
                        r.get("tenant_id", UUID.class), r.get("title", String.class)));
    }

    record Acceptance(String outcome, UUID courseId, UUID tenantId, String title) {
    }
}
