--liquibase formatted sql

--changeset classentra:0021-join-code-preview splitStatements:false
--comment: Opening a join link shows "Join <course> by <teacher>?" before anything is written. This answers only that,
--comment: for someone who holds the code, plus where the caller stands with the course (no row, ACTIVE, LEFT, REMOVED).
CREATE FUNCTION join_code_preview(p_code text)
    RETURNS TABLE (course_id uuid, title text, teacher_name text, archived boolean, enrolment_status text)
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
               (SELECT e.status FROM enrolment e WHERE e.course_id = c.id AND e.student_id = app_current_user())
        FROM course c WHERE c.join_code = upper(btrim(p_code));
    PERFORM app_platform_scope_leave(previous);
END
$$;
REVOKE ALL ON FUNCTION join_code_preview(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION join_code_preview(text) TO classentra_app;
