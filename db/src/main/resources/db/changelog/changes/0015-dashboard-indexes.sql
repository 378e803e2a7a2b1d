--liquibase formatted sql

--changeset classentra:0015-dashboard-indexes
--comment: The teacher dashboard counts each active course's students and recent turn-ins. With every column the
--comment: row policies read (tenant_id, student_id) included, both counts are index-only scans instead of a heap
--comment: fetch per row. The student dashboard finds today's sessions of their courses, which may be in any tenant,
--comment: so it looks them up by course rather than by tenant.
CREATE INDEX enrolment_course_active_idx ON enrolment (course_id) INCLUDE (tenant_id, student_id) WHERE status = 'ACTIVE';
CREATE INDEX submission_course_turned_in_idx ON submission (course_id, submitted_at) INCLUDE (tenant_id, student_id);
CREATE INDEX course_item_course_session_idx ON course_item (course_id, starts_at) WHERE kind = 'SESSION';
