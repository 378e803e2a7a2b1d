--liquibase formatted sql

--changeset classentra:0014-course-teachers splitStatements:false
--comment: A student's submission notifies the teachers of the course, but a student cannot read tenant_member.
--comment: This answers only "who teaches this course", and only to someone actively enrolled in it or in its workspace.
CREATE FUNCTION course_teacher_ids(p_course uuid, p_tenant uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT m.user_id FROM course c JOIN tenant_member m ON m.tenant_id = c.tenant_id
        WHERE c.id = p_course AND c.tenant_id = p_tenant
          AND (c.tenant_id = app_current_tenant() OR app_platform_scope()
               OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id
                          AND e.student_id = app_current_user() AND e.status = 'ACTIVE'))
    $$;
REVOKE ALL ON FUNCTION course_teacher_ids(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION course_teacher_ids(uuid, uuid) TO classentra_app;
