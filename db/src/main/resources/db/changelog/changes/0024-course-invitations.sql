--liquibase formatted sql

--changeset classentra:0024-course-invitation
--comment: A personal invitation to one course for one address. The emailed link carries the id signed with the link key
--comment: (LinkSigner); only the id is stored, so a database leak yields no usable link. It works for the account with the
--comment: invited address only, once, until it expires or the teacher revokes it, and it brings back a student the
--comment: teacher had removed (the join code does not). Deleted with its course; ended ones are pruned 30 days after
--comment: they ended (CourseJobs), since they hold the address of someone who may never have signed up.
CREATE TABLE course_invitation (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id   uuid        NOT NULL,
    email       text        NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320),
    invited_by  uuid REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
    revoked_at  timestamptz,
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE,
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
COMMENT ON COLUMN course_invitation.sent_at IS 'When the email last went out: sending it again keeps the link and moves the expiry';
-- One open invitation per address and course: inviting again sends the same one again.
CREATE UNIQUE INDEX course_invitation_open_idx ON course_invitation (course_id, lower(email))
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX course_invitation_tenant_idx ON course_invitation (tenant_id);
CREATE INDEX course_invitation_ended_idx ON course_invitation (coalesce(accepted_at, revoked_at, expires_at));

ALTER TABLE course_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_invitation FORCE ROW LEVEL SECURITY;
-- Only the course's workspace sees and changes its invitations; the invitee reaches theirs through the functions below.
CREATE POLICY course_invitation_workspace ON course_invitation
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

--changeset classentra:0024-course-invitation-functions splitStatements:false
--comment: The invitee cannot see the invitation nor the course (row-level security). These answer, for the holder of a
--comment: correctly signed id (checked by the application first), what it leads to, and accept it for the signed-in
--comment: person. The state is PENDING, ACCEPTED, REVOKED or EXPIRED; for_caller says whether the caller's verified
--comment: address is the invited one.
CREATE FUNCTION course_invitation_preview(p_id uuid)
    RETURNS TABLE (course_id uuid, title text, teacher_name text, archived boolean, invited_email text, state text,
                   for_caller boolean, enrolment_status text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
BEGIN
    RETURN QUERY
        SELECT c.id, c.title,
               coalesce((SELECT u.first_name || ' ' || u.last_name FROM app_user u WHERE u.id = c.created_by),
                        (SELECT t.name FROM tenant t WHERE t.id = c.tenant_id)),
               c.archived_at IS NOT NULL,
               i.email,
               CASE WHEN i.revoked_at IS NOT NULL THEN 'REVOKED'
                    WHEN i.accepted_at IS NOT NULL THEN 'ACCEPTED'
                    WHEN i.expires_at <= now() THEN 'EXPIRED'
                    ELSE 'PENDING' END,
               EXISTS (SELECT 1 FROM app_user u WHERE u.id = app_current_user() AND lower(u.email) = lower(i.email)
                       AND u.email_verified),
               (SELECT e.status FROM enrolment e WHERE e.course_id = c.id AND e.student_id = app_current_user())
        FROM course_invitation i JOIN course c ON c.id = i.course_id AND c.tenant_id = i.tenant_id
        WHERE i.id = p_id;
    PERFORM app_platform_scope_leave(previous);
END
$$;
REVOKE ALL ON FUNCTION course_invitation_preview(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION course_invitation_preview(uuid) TO classentra_app;

-- The caller is the signed-in person of the transaction (app.user_id), who must be an active student whose verified
-- address is the invited one. Outcomes: JOINED, ALREADY_ENROLLED (the invitation is used up all the same), UNKNOWN,
-- REVOKED, EXPIRED, USED, COURSE_ARCHIVED, WRONG_ACCOUNT, NOT_A_STUDENT. Joining re-activates a LEFT or REMOVED
-- enrolment: the teacher asked this person back.
CREATE FUNCTION accept_course_invitation(p_id uuid) RETURNS TABLE (outcome text, course_id uuid, tenant_id uuid, title text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_student    uuid := app_current_user();
    v_invitation course_invitation%ROWTYPE;
    v_course     course%ROWTYPE;
    v_status     text;
    v_outcome    text;
    previous     text := app_platform_scope_enter();
BEGIN
    SELECT * INTO v_invitation FROM course_invitation i WHERE i.id = p_id FOR UPDATE;
    IF FOUND THEN
        SELECT * INTO v_course FROM course c WHERE c.id = v_invitation.course_id;
    END IF;
    IF v_student IS NULL OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = v_student AND 'STUDENT' = ANY (u.roles)
                                        AND u.status = 'ACTIVE') THEN
        v_outcome := 'NOT_A_STUDENT';
    ELSIF v_invitation.id IS NULL THEN
        v_outcome := 'UNKNOWN';
    ELSIF v_invitation.revoked_at IS NOT NULL THEN
        v_outcome := 'REVOKED';
    ELSIF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = v_student AND lower(u.email) = lower(v_invitation.email)
                      AND u.email_verified) THEN
        v_outcome := 'WRONG_ACCOUNT';
    ELSIF v_invitation.accepted_at IS NOT NULL THEN
        v_outcome := CASE WHEN EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = v_course.id AND e.student_id = v_student
                                       AND e.status = 'ACTIVE') THEN 'ALREADY_ENROLLED' ELSE 'USED' END;
    ELSIF v_invitation.expires_at <= now() THEN
        v_outcome := 'EXPIRED';
    ELSIF v_course.archived_at IS NOT NULL THEN
        v_outcome := 'COURSE_ARCHIVED';
    ELSE
        SELECT e.status INTO v_status FROM enrolment e WHERE e.course_id = v_course.id AND e.student_id = v_student FOR UPDATE;
        IF v_status = 'ACTIVE' THEN
            v_outcome := 'ALREADY_ENROLLED';
        ELSE
            INSERT INTO enrolment AS e (tenant_id, course_id, student_id) VALUES (v_course.tenant_id, v_course.id, v_student)
            ON CONFLICT ON CONSTRAINT enrolment_pkey DO UPDATE SET status = 'ACTIVE', updated_at = now();
            v_outcome := 'JOINED';
        END IF;
        UPDATE course_invitation i SET accepted_at = now(), accepted_by = v_student WHERE i.id = v_invitation.id;
    END IF;
    PERFORM app_platform_scope_leave(previous);
    RETURN QUERY SELECT v_outcome, v_course.id, v_course.tenant_id, v_course.title;
END
$$;
REVOKE ALL ON FUNCTION accept_course_invitation(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION accept_course_invitation(uuid) TO classentra_app;
