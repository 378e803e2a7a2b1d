--liquibase formatted sql

--changeset classentra:0019-definer-lookups splitStatements:false
--comment: SECURITY DEFINER functions run as the schema owner. A superuser owner (the embedded default) bypasses
--comment: row-level security; a non-superuser owner (README, "Using a real PostgreSQL") does not, because every table
--comment: is FORCEd. So each lookup turns the platform scope on around its one query and puts the caller's value back
--comment: (a function's own SET clause cannot do it: PostgreSQL refuses custom settings there to non-superusers). Should
--comment: the query fail, the caller's transaction or savepoint is rolled back, and the setting with it. The query's
--comment: WHERE clause is the only rule. search_path is pinned with pg_temp last, so a caller's temporary objects cannot
--comment: stand in for ours.
CREATE FUNCTION app_platform_scope_enter() RETURNS text
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := coalesce(current_setting('app.platform_scope', true), '');
BEGIN
    PERFORM set_config('app.platform_scope', 'on', true);
    RETURN previous;
END
$$;

CREATE FUNCTION app_platform_scope_leave(previous text) RETURNS void
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT set_config('app.platform_scope', previous, true) $$;

DROP FUNCTION course_for_join_code(text);
CREATE FUNCTION course_for_join_code(code text) RETURNS TABLE (course_id uuid, tenant_id uuid, title text, archived boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
BEGIN
    RETURN QUERY SELECT c.id, c.tenant_id, c.title, c.archived_at IS NOT NULL FROM course c WHERE c.join_code = upper(code);
    PERFORM app_platform_scope_leave(previous);
END
$$;

-- Who may ask is decided from the caller's tenant and user, which stay as they were: a caller in the platform scope
-- alone gets nothing, since inside the function everyone is.
DROP FUNCTION course_teacher_ids(uuid, uuid);
CREATE FUNCTION course_teacher_ids(p_course uuid, p_tenant uuid) RETURNS SETOF uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
BEGIN
    RETURN QUERY
        SELECT m.user_id FROM course c JOIN tenant_member m ON m.tenant_id = c.tenant_id
        WHERE c.id = p_course AND c.tenant_id = p_tenant
          AND (c.tenant_id = app_current_tenant()
               OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id
                          AND e.student_id = app_current_user() AND e.status = 'ACTIVE'));
    PERFORM app_platform_scope_leave(previous);
END
$$;

DROP FUNCTION calendar_feed_owner(text);
CREATE FUNCTION calendar_feed_owner(hash text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
    owner uuid;
BEGIN
    SELECT f.user_id INTO owner FROM calendar_feed f WHERE f.token_hash = hash;
    PERFORM app_platform_scope_leave(previous);
    RETURN owner;
END
$$;

CREATE OR REPLACE FUNCTION queue_file_purge() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
BEGIN
    INSERT INTO file_purge (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
    RETURN OLD;
END
$$;

-- The lookup works whoever owns the schema now, so the feed table no longer needs to stay unFORCEd.
ALTER TABLE calendar_feed FORCE ROW LEVEL SECURITY;

--changeset classentra:0019-account-lookups splitStatements:false
--comment: Sign-in, password resets and links in emails start from an email address, a Google subject or a token id,
--comment: before anyone is signed in. These answer only "which account is that" (an id); the account itself is then
--comment: read in that person's own scope, through the policies below.
CREATE FUNCTION account_id_for_email(p_email text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
    found uuid;
BEGIN
    SELECT u.id INTO found FROM app_user u WHERE lower(u.email) = lower(btrim(p_email));
    PERFORM app_platform_scope_leave(previous);
    RETURN found;
END
$$;

CREATE FUNCTION account_id_for_google_subject(p_subject text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
    found uuid;
BEGIN
    SELECT u.id INTO found FROM app_user u WHERE u.google_subject = p_subject;
    PERFORM app_platform_scope_leave(previous);
    RETURN found;
END
$$;

CREATE FUNCTION administrator_exists() RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
    found boolean;
BEGIN
    found := EXISTS (SELECT 1 FROM app_user u WHERE 'ADMIN' = ANY (u.roles));
    PERFORM app_platform_scope_leave(previous);
    RETURN found;
END
$$;

CREATE FUNCTION account_token_owner(p_id uuid, p_purpose text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
    found uuid;
BEGIN
    SELECT t.user_id INTO found FROM account_token t WHERE t.id = p_id AND t.purpose = p_purpose;
    PERFORM app_platform_scope_leave(previous);
    RETURN found;
END
$$;

REVOKE ALL ON FUNCTION course_for_join_code(text), course_teacher_ids(uuid, uuid), calendar_feed_owner(text),
    account_id_for_email(text), account_id_for_google_subject(text), administrator_exists(), account_token_owner(uuid, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION course_for_join_code(text), course_teacher_ids(uuid, uuid), calendar_feed_owner(text),
    account_id_for_email(text), account_id_for_google_subject(text), administrator_exists(), account_token_owner(uuid, text)
    TO classentra_app;

--changeset classentra:0019-personal-tables-rls
--comment: People's own rows are theirs (and the platform scope's). A workspace sees the accounts of its members and of
--comment: the students actively enrolled in its courses, and nobody else's: a teacher cannot read a stranger's email.
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_read ON app_user FOR SELECT
    USING (id = (SELECT app_current_user()) OR (SELECT app_platform_scope())
           OR EXISTS (SELECT 1 FROM tenant_member m WHERE m.user_id = app_user.id AND m.tenant_id = (SELECT app_current_tenant()))
           OR EXISTS (SELECT 1 FROM enrolment e WHERE e.student_id = app_user.id AND e.tenant_id = (SELECT app_current_tenant())
                      AND e.status = 'ACTIVE'));
CREATE POLICY app_user_insert ON app_user FOR INSERT
    WITH CHECK (id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));
CREATE POLICY app_user_update ON app_user FOR UPDATE
    USING (id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));
CREATE POLICY app_user_delete ON app_user FOR DELETE
    USING (id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

ALTER TABLE account_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_token FORCE ROW LEVEL SECURITY;
CREATE POLICY account_token_owner ON account_token
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

ALTER TABLE policy_acceptance ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_acceptance FORCE ROW LEVEL SECURITY;
CREATE POLICY policy_acceptance_owner ON policy_acceptance
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

ALTER TABLE survey_response ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_response FORCE ROW LEVEL SECURITY;
CREATE POLICY survey_response_owner ON survey_response
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

ALTER TABLE session_revocation ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_revocation FORCE ROW LEVEL SECURITY;
CREATE POLICY session_revocation_owner ON session_revocation
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

--changeset classentra:0019-child-rows-bound-to-parent-tenant
--comment: A child row carries its parent's tenant. Composite foreign keys make PostgreSQL check that it is the same
--comment: tenant (and the same course), so a row can never point into another workspace, whatever a policy allows.
ALTER TABLE course ADD CONSTRAINT course_id_tenant_key UNIQUE (id, tenant_id);
ALTER TABLE course_item ADD CONSTRAINT course_item_id_tenant_key UNIQUE (id, tenant_id);
ALTER TABLE course_item ADD CONSTRAINT course_item_id_course_tenant_key UNIQUE (id, course_id, tenant_id);
ALTER TABLE submission ADD CONSTRAINT submission_id_tenant_key UNIQUE (id, tenant_id);
ALTER TABLE submission ADD CONSTRAINT submission_id_tenant_student_key UNIQUE (id, tenant_id, student_id);

ALTER TABLE course_item ADD CONSTRAINT course_item_course_tenant_fkey
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE;
ALTER TABLE enrolment ADD CONSTRAINT enrolment_course_tenant_fkey
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE;
ALTER TABLE submission ADD CONSTRAINT submission_assignment_course_tenant_fkey
    FOREIGN KEY (assignment_id, course_id, tenant_id) REFERENCES course_item (id, course_id, tenant_id) ON DELETE CASCADE;
ALTER TABLE submission_version ADD CONSTRAINT submission_version_submission_tenant_fkey
    FOREIGN KEY (submission_id, tenant_id, student_id) REFERENCES submission (id, tenant_id, student_id) ON DELETE CASCADE;
ALTER TABLE grade ADD CONSTRAINT grade_assignment_course_tenant_fkey
    FOREIGN KEY (assignment_id, course_id, tenant_id) REFERENCES course_item (id, course_id, tenant_id) ON DELETE CASCADE;
ALTER TABLE grade_history ADD CONSTRAINT grade_history_assignment_tenant_fkey
    FOREIGN KEY (assignment_id, tenant_id) REFERENCES course_item (id, tenant_id) ON DELETE CASCADE;
ALTER TABLE attendance ADD CONSTRAINT attendance_session_course_tenant_fkey
    FOREIGN KEY (session_id, course_id, tenant_id) REFERENCES course_item (id, course_id, tenant_id) ON DELETE CASCADE;
ALTER TABLE stored_file ADD CONSTRAINT stored_file_course_tenant_fkey
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE;
ALTER TABLE stored_file ADD CONSTRAINT stored_file_item_tenant_fkey
    FOREIGN KEY (item_id, tenant_id) REFERENCES course_item (id, tenant_id) ON DELETE CASCADE;
ALTER TABLE notification ADD CONSTRAINT notification_course_tenant_fkey
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE;
-- A submission's file belongs to that submission's tenant and to the student who uploaded it.
ALTER TABLE stored_file ADD CONSTRAINT stored_file_submission_tenant_fkey
    FOREIGN KEY (submission_id, tenant_id) REFERENCES submission (id, tenant_id) ON DELETE CASCADE;

--changeset classentra:0019-enrolment-through-join splitStatements:false
--comment: A student no longer writes enrolments directly: joining goes through join_course_by_code, which checks the
--comment: code, the archive state and a removal by the teacher. A student may still end their own enrolment (leave).
DROP POLICY enrolment_isolation ON enrolment;
CREATE POLICY enrolment_read ON enrolment FOR SELECT
    USING (tenant_id = (SELECT app_current_tenant()) OR student_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));
CREATE POLICY enrolment_insert ON enrolment FOR INSERT
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY enrolment_update ON enrolment FOR UPDATE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY enrolment_leave ON enrolment FOR UPDATE
    USING (student_id = (SELECT app_current_user()) AND status = 'ACTIVE')
    WITH CHECK (student_id = (SELECT app_current_user()) AND status = 'LEFT');
CREATE POLICY enrolment_delete ON enrolment FOR DELETE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

-- The caller is the signed-in person of the transaction (app.user_id), who must be an active student. Outcomes:
-- JOINED, ALREADY_ENROLLED, UNKNOWN_CODE, COURSE_ARCHIVED, REMOVED (the teacher removed them: only a new invitation
-- brings them back), NOT_A_STUDENT.
CREATE FUNCTION join_course_by_code(p_code text) RETURNS TABLE (outcome text, course_id uuid, tenant_id uuid, title text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    v_student uuid := app_current_user();
    v_course  course%ROWTYPE;
    v_status  text;
    v_outcome text;
    previous  text := app_platform_scope_enter();
BEGIN
    IF v_student IS NULL OR NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = v_student AND 'STUDENT' = ANY (u.roles)
                                        AND u.status = 'ACTIVE') THEN
        v_outcome := 'NOT_A_STUDENT';
    ELSE
        SELECT * INTO v_course FROM course c WHERE c.join_code = upper(btrim(p_code));
        IF NOT FOUND THEN
            v_outcome := 'UNKNOWN_CODE';
        ELSIF v_course.archived_at IS NOT NULL THEN
            v_outcome := 'COURSE_ARCHIVED';
        ELSE
            SELECT e.status INTO v_status FROM enrolment e WHERE e.course_id = v_course.id AND e.student_id = v_student FOR UPDATE;
            IF v_status = 'ACTIVE' THEN
                v_outcome := 'ALREADY_ENROLLED';
            ELSIF v_status = 'REMOVED' THEN
                v_outcome := 'REMOVED';
            ELSE
                INSERT INTO enrolment AS e (tenant_id, course_id, student_id) VALUES (v_course.tenant_id, v_course.id, v_student)
                ON CONFLICT ON CONSTRAINT enrolment_pkey DO UPDATE SET status = 'ACTIVE', updated_at = now() WHERE e.status = 'LEFT';
                v_outcome := 'JOINED';
            END IF;
        END IF;
    END IF;
    PERFORM app_platform_scope_leave(previous);
    RETURN QUERY SELECT v_outcome, v_course.id, v_course.tenant_id, v_course.title;
END
$$;
REVOKE ALL ON FUNCTION join_course_by_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION join_course_by_code(text) TO classentra_app;
