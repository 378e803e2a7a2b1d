--liquibase formatted sql

--changeset classentra:0011-course
CREATE TABLE course (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description_html text        NOT NULL DEFAULT '',
    starts_on        date,
    ends_on          date,
    visibility       text        NOT NULL DEFAULT 'PRIVATE' CHECK (visibility IN ('PRIVATE', 'UNLISTED', 'PUBLIC')),
    join_code        text        NOT NULL UNIQUE CHECK (join_code ~ '^[A-Z0-9]{8}$'),
    archived_at      timestamptz,
    created_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
);
COMMENT ON COLUMN course.description_html IS 'Sanitised on the way in (allow-list of formatting tags), never trusted from the client';
CREATE INDEX course_tenant_idx ON course (tenant_id, archived_at);

--changeset classentra:0011-enrolment
CREATE TABLE enrolment (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id  uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    student_id uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    status     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REMOVED', 'LEFT')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, student_id)
);
CREATE INDEX enrolment_student_idx ON enrolment (student_id, status);
CREATE INDEX enrolment_tenant_idx ON enrolment (tenant_id);

--changeset classentra:0011-course-rls
ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrolment FORCE ROW LEVEL SECURITY;
-- The teacher's tenant sees its enrolments; a student sees their own, in every tenant.
CREATE POLICY enrolment_isolation ON enrolment
    USING (tenant_id = app_current_tenant() OR student_id = app_current_user() OR app_platform_scope())
    WITH CHECK (tenant_id = app_current_tenant() OR student_id = app_current_user() OR app_platform_scope());

ALTER TABLE course ENABLE ROW LEVEL SECURITY;
ALTER TABLE course FORCE ROW LEVEL SECURITY;
-- Students read the courses they are actively enrolled in; only the owning tenant changes them.
CREATE POLICY course_read ON course FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope()
           OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = course.id AND e.student_id = app_current_user() AND e.status = 'ACTIVE'));
CREATE POLICY course_write ON course FOR INSERT WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY course_update ON course FOR UPDATE
    USING (tenant_id = app_current_tenant() OR app_platform_scope()) WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY course_delete ON course FOR DELETE USING (tenant_id = app_current_tenant() OR app_platform_scope());

--changeset classentra:0011-join-code-lookup splitStatements:false
--comment: A student joining with a code cannot see the course yet (row-level security); this function answers
--comment: only "which course has this code", for a code the student typed, and nothing else.
CREATE FUNCTION course_for_join_code(code text) RETURNS TABLE (course_id uuid, tenant_id uuid, title text, archived boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT id, tenant_id, title, archived_at IS NOT NULL FROM course WHERE join_code = upper(code) $$;
REVOKE ALL ON FUNCTION course_for_join_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION course_for_join_code(text) TO classentra_app;
