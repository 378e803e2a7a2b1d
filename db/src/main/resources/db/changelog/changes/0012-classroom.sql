--liquibase formatted sql

--changeset classentra:0012-course-item
--comment: Everything posted in a course. One table with per-kind columns (checked below) keeps the course stream
--comment: a single indexed query; the kinds differ in their forms and views, not in how they are stored.
CREATE TABLE course_item (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id            uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    kind                 text        NOT NULL CHECK (kind IN ('ANNOUNCEMENT', 'MATERIAL', 'ASSIGNMENT', 'NOTE', 'SESSION', 'FILE', 'LINK')),
    title                text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_html            text        NOT NULL DEFAULT '',
    shared               boolean     NOT NULL DEFAULT true,
    due_at               timestamptz,
    points_possible      numeric(7, 2) CHECK (points_possible IS NULL OR points_possible > 0),
    grading_scale        text        CHECK (grading_scale IN ('POINTS', 'PERCENT', 'LETTER')),
    late_policy          text        CHECK (late_policy IN ('ACCEPT', 'PENALTY', 'REFUSE')),
    late_penalty_percent integer     CHECK (late_penalty_percent BETWEEN 0 AND 100),
    starts_at            timestamptz,
    duration_minutes     integer     CHECK (duration_minutes BETWEEN 5 AND 1440),
    meeting_url          text,
    link_url             text,
    created_by           uuid REFERENCES app_user (id) ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'ASSIGNMENT' OR (points_possible IS NOT NULL AND grading_scale IS NOT NULL AND late_policy IS NOT NULL)),
    CHECK (kind <> 'SESSION' OR (starts_at IS NOT NULL AND duration_minutes IS NOT NULL)),
    CHECK (kind <> 'LINK' OR link_url IS NOT NULL),
    CHECK (kind = 'NOTE' OR shared)
);
COMMENT ON COLUMN course_item.shared IS 'False only for teacher-private notes, which students never see';
COMMENT ON COLUMN course_item.body_html IS 'Sanitised on the way in, like course.description_html';
CREATE INDEX course_item_stream_idx ON course_item (course_id, created_at DESC);
CREATE INDEX course_item_due_idx ON course_item (course_id, due_at) WHERE kind = 'ASSIGNMENT';
CREATE INDEX course_item_session_idx ON course_item (tenant_id, starts_at) WHERE kind = 'SESSION';
CREATE INDEX course_item_tenant_idx ON course_item (tenant_id);

--changeset classentra:0012-submission
--comment: One row per student and assignment (its latest state), and every turned-in version beside it.
CREATE TABLE submission (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id       uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    assignment_id   uuid        NOT NULL REFERENCES course_item (id) ON DELETE CASCADE,
    student_id      uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    current_version integer     NOT NULL CHECK (current_version >= 1),
    submitted_at    timestamptz NOT NULL,
    late            boolean     NOT NULL,
    UNIQUE (assignment_id, student_id)
);
CREATE INDEX submission_student_idx ON submission (student_id, submitted_at DESC);
CREATE INDEX submission_course_idx ON submission (course_id, assignment_id);
CREATE INDEX submission_tenant_idx ON submission (tenant_id, submitted_at DESC);

CREATE TABLE submission_version (
    submission_id uuid        NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version >= 1),
    tenant_id     uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    student_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    text_html     text        NOT NULL DEFAULT '',
    submitted_at  timestamptz NOT NULL,
    late          boolean     NOT NULL,
    PRIMARY KEY (submission_id, version)
);
CREATE INDEX submission_version_tenant_idx ON submission_version (tenant_id);

--changeset classentra:0012-grade
--comment: Grades are per student and assignment, so missing work can be graded too. Every change is kept.
CREATE TABLE grade (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id     uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    assignment_id uuid        NOT NULL REFERENCES course_item (id) ON DELETE CASCADE,
    student_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    points        numeric(7, 2) CHECK (points IS NULL OR points >= 0),
    letter        text        CHECK (letter IS NULL OR length(letter) BETWEEN 1 AND 3),
    feedback_html text        NOT NULL DEFAULT '',
    graded_by     uuid REFERENCES app_user (id) ON DELETE SET NULL,
    graded_at     timestamptz NOT NULL DEFAULT now(),
    returned_at   timestamptz,
    PRIMARY KEY (assignment_id, student_id),
    CHECK (points IS NOT NULL OR letter IS NOT NULL)
);
COMMENT ON COLUMN grade.points IS 'Points earned; for PERCENT assignments the percentage itself (points_possible is 100)';
COMMENT ON COLUMN grade.returned_at IS 'Students see a grade only once it is returned';
CREATE INDEX grade_course_idx ON grade (course_id, student_id);
CREATE INDEX grade_student_idx ON grade (student_id, returned_at DESC);
CREATE INDEX grade_tenant_idx ON grade (tenant_id);

CREATE TABLE grade_history (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    assignment_id uuid        NOT NULL REFERENCES course_item (id) ON DELETE CASCADE,
    student_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    points        numeric(7, 2),
    letter        text,
    feedback_html text        NOT NULL,
    graded_by     uuid REFERENCES app_user (id) ON DELETE SET NULL,
    graded_at     timestamptz NOT NULL,
    reason        text        CHECK (reason IS NULL OR length(reason) <= 500)
);
CREATE INDEX grade_history_idx ON grade_history (assignment_id, student_id, graded_at DESC);
CREATE INDEX grade_history_tenant_idx ON grade_history (tenant_id);

--changeset classentra:0012-stored-file
--comment: Metadata of uploaded files; the bytes live in the storage slot under storage_key. A file belongs to an
--comment: item (material, assignment, file item) or to one version of a submission.
CREATE TABLE stored_file (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id          uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    item_id            uuid REFERENCES course_item (id) ON DELETE CASCADE,
    submission_id      uuid REFERENCES submission (id) ON DELETE CASCADE,
    submission_version integer,
    uploaded_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
    storage_key        text        NOT NULL UNIQUE,
    filename           text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type       text        NOT NULL,
    size_bytes         bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256             text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((item_id IS NULL) <> (submission_id IS NULL)),
    CHECK ((submission_id IS NULL) = (submission_version IS NULL))
);
COMMENT ON COLUMN stored_file.content_type IS 'Sniffed from the bytes at upload, never taken from the browser';
COMMENT ON COLUMN stored_file.filename IS 'Sanitised: no path, no control characters';
CREATE INDEX stored_file_item_idx ON stored_file (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX stored_file_submission_idx ON stored_file (submission_id, submission_version) WHERE submission_id IS NOT NULL;
CREATE INDEX stored_file_tenant_idx ON stored_file (tenant_id);

--changeset classentra:0012-file-purge splitStatements:false
--comment: Deleting file rows (directly or by a course's cascade) queues their objects here, in the same transaction,
--comment: for the purge job to remove from storage: nothing is forgotten if the process dies in between.
CREATE TABLE file_purge (
    storage_key text PRIMARY KEY,
    queued_at   timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text
);
-- Not FORCEd: the SECURITY DEFINER trigger (run as the schema owner) must insert whatever the caller's scope;
-- the application role still reaches the rows only in the platform scope.
ALTER TABLE file_purge ENABLE ROW LEVEL SECURITY;
CREATE POLICY file_purge_platform ON file_purge USING (app_platform_scope()) WITH CHECK (app_platform_scope());

CREATE FUNCTION queue_file_purge() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
    AS $$
BEGIN
    INSERT INTO file_purge (storage_key) VALUES (OLD.storage_key) ON CONFLICT DO NOTHING;
    RETURN OLD;
END
$$;
CREATE TRIGGER stored_file_purge AFTER DELETE ON stored_file FOR EACH ROW EXECUTE FUNCTION queue_file_purge();

--changeset classentra:0012-attendance
CREATE TABLE attendance (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id  uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    session_id uuid        NOT NULL REFERENCES course_item (id) ON DELETE CASCADE,
    student_id uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    status     text        NOT NULL CHECK (status IN ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED')),
    noted_by   uuid REFERENCES app_user (id) ON DELETE SET NULL,
    noted_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, student_id)
);
CREATE INDEX attendance_student_idx ON attendance (course_id, student_id);
CREATE INDEX attendance_tenant_idx ON attendance (tenant_id);

--changeset classentra:0012-calendar
--comment: Personal events belong to a person, not a workspace; course events are derived from course items.
CREATE TABLE calendar_event (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    notes      text        NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at >= starts_at)
);
CREATE INDEX calendar_event_user_idx ON calendar_event (user_id, starts_at);

--comment: The ICS feed is fetched by calendar apps without a session: the URL carries a random token whose
--comment: SHA-256 is stored here. Replacing the row revokes the old URL.
CREATE TABLE calendar_feed (
    user_id    uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

--changeset classentra:0012-notifications
CREATE TABLE notification (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    tenant_id   uuid REFERENCES tenant (id) ON DELETE CASCADE,
    course_id   uuid REFERENCES course (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('ANNOUNCEMENT', 'NEW_WORK', 'SESSION', 'SUBMISSION', 'GRADE_RETURNED', 'ENROLMENT')),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    link        text        NOT NULL CHECK (link ~ '^/'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    email_state text        NOT NULL DEFAULT 'PENDING' CHECK (email_state IN ('PENDING', 'DIGEST', 'SENT', 'SKIPPED'))
);
COMMENT ON COLUMN notification.email_state IS 'PENDING until the notification mailer applies the person''s preference';
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
CREATE INDEX notification_email_idx ON notification (email_state, created_at) WHERE email_state IN ('PENDING', 'DIGEST');
CREATE INDEX notification_tenant_idx ON notification (tenant_id);

CREATE TABLE notification_preference (
    user_id  uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('ANNOUNCEMENT', 'NEW_WORK', 'SESSION', 'SUBMISSION', 'GRADE_RETURNED', 'ENROLMENT')),
    delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF')),
    PRIMARY KEY (user_id, kind)
);

--changeset classentra:0012-classroom-rls
ALTER TABLE course_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_item FORCE ROW LEVEL SECURITY;
-- Enrolled students read the shared items of their courses; only the owning tenant writes.
CREATE POLICY course_item_read ON course_item FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope()
           OR (shared AND EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = course_item.course_id
                                  AND e.student_id = app_current_user() AND e.status = 'ACTIVE')));
CREATE POLICY course_item_insert ON course_item FOR INSERT WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY course_item_update ON course_item FOR UPDATE
    USING (tenant_id = app_current_tenant() OR app_platform_scope()) WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY course_item_delete ON course_item FOR DELETE USING (tenant_id = app_current_tenant() OR app_platform_scope());

-- A student writes only their own submissions, in courses they are actively enrolled in; the tenant reads them all.
ALTER TABLE submission ENABLE ROW LEVEL SECURITY;
ALTER TABLE submission FORCE ROW LEVEL SECURITY;
CREATE POLICY submission_read ON submission FOR SELECT
    USING (tenant_id = app_current_tenant() OR student_id = app_current_user() OR app_platform_scope());
CREATE POLICY submission_write ON submission FOR INSERT
    WITH CHECK (app_platform_scope() OR (student_id = app_current_user() AND EXISTS (
        SELECT 1 FROM enrolment e WHERE e.course_id = submission.course_id AND e.tenant_id = submission.tenant_id
        AND e.student_id = app_current_user() AND e.status = 'ACTIVE')));
CREATE POLICY submission_update ON submission FOR UPDATE
    USING (student_id = app_current_user() OR app_platform_scope())
    WITH CHECK (app_platform_scope() OR (student_id = app_current_user() AND EXISTS (
        SELECT 1 FROM enrolment e WHERE e.course_id = submission.course_id AND e.student_id = app_current_user() AND e.status = 'ACTIVE')));
CREATE POLICY submission_delete ON submission FOR DELETE USING (tenant_id = app_current_tenant() OR app_platform_scope());

ALTER TABLE submission_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE submission_version FORCE ROW LEVEL SECURITY;
CREATE POLICY submission_version_read ON submission_version FOR SELECT
    USING (tenant_id = app_current_tenant() OR student_id = app_current_user() OR app_platform_scope());
CREATE POLICY submission_version_write ON submission_version FOR INSERT
    WITH CHECK (app_platform_scope() OR (student_id = app_current_user()
        AND EXISTS (SELECT 1 FROM submission s WHERE s.id = submission_version.submission_id AND s.student_id = app_current_user())));

-- Grades are written by the tenant; a student reads their own once returned.
ALTER TABLE grade ENABLE ROW LEVEL SECURITY;
ALTER TABLE grade FORCE ROW LEVEL SECURITY;
CREATE POLICY grade_read ON grade FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope() OR (student_id = app_current_user() AND returned_at IS NOT NULL));
CREATE POLICY grade_write ON grade FOR ALL
    USING (tenant_id = app_current_tenant() OR app_platform_scope()) WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());

ALTER TABLE grade_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE grade_history FORCE ROW LEVEL SECURITY;
CREATE POLICY grade_history_tenant ON grade_history
    USING (tenant_id = app_current_tenant() OR app_platform_scope()) WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());

-- Files: the tenant reads and writes all of its own; a student reads the files of items they can read and of
-- their own submissions, and adds files only to their own submissions.
ALTER TABLE stored_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_file FORCE ROW LEVEL SECURITY;
CREATE POLICY stored_file_read ON stored_file FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope()
           OR (item_id IS NOT NULL AND EXISTS (SELECT 1 FROM course_item i WHERE i.id = stored_file.item_id))
           OR (submission_id IS NOT NULL AND EXISTS (SELECT 1 FROM submission s WHERE s.id = stored_file.submission_id
                                                     AND s.student_id = app_current_user())));
CREATE POLICY stored_file_insert ON stored_file FOR INSERT
    WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope()
                OR (submission_id IS NOT NULL AND uploaded_by = app_current_user() AND EXISTS (
                    SELECT 1 FROM submission s WHERE s.id = stored_file.submission_id AND s.student_id = app_current_user()
                    AND s.tenant_id = stored_file.tenant_id)));
CREATE POLICY stored_file_delete ON stored_file FOR DELETE USING (tenant_id = app_current_tenant() OR app_platform_scope());

ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance FORCE ROW LEVEL SECURITY;
CREATE POLICY attendance_read ON attendance FOR SELECT
    USING (tenant_id = app_current_tenant() OR student_id = app_current_user() OR app_platform_scope());
CREATE POLICY attendance_write ON attendance FOR ALL
    USING (tenant_id = app_current_tenant() OR app_platform_scope()) WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());

ALTER TABLE calendar_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_event FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_event_owner ON calendar_event
    USING (user_id = app_current_user() OR app_platform_scope()) WITH CHECK (user_id = app_current_user() OR app_platform_scope());

-- Not FORCEd, so that calendar_feed_owner() (SECURITY DEFINER, run as the schema owner) can look a token up.
ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_feed_owner ON calendar_feed
    USING (user_id = app_current_user() OR app_platform_scope()) WITH CHECK (user_id = app_current_user() OR app_platform_scope());

-- A person reads and marks their own notifications. The teacher's tenant notifies its students, and a student
-- notifies the teachers of a workspace they are enrolled in (a new submission).
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_read ON notification FOR SELECT USING (user_id = app_current_user() OR app_platform_scope());
CREATE POLICY notification_update ON notification FOR UPDATE
    USING (user_id = app_current_user() OR app_platform_scope()) WITH CHECK (user_id = app_current_user() OR app_platform_scope());
CREATE POLICY notification_delete ON notification FOR DELETE USING (user_id = app_current_user() OR app_platform_scope());
CREATE POLICY notification_insert ON notification FOR INSERT
    WITH CHECK (app_platform_scope() OR user_id = app_current_user()
                OR (tenant_id IS NOT NULL AND tenant_id = app_current_tenant())
                OR (tenant_id IS NOT NULL AND EXISTS (SELECT 1 FROM enrolment e WHERE e.tenant_id = notification.tenant_id
                                                      AND e.student_id = app_current_user() AND e.status = 'ACTIVE')));

ALTER TABLE notification_preference ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preference FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preference_owner ON notification_preference
    USING (user_id = app_current_user() OR app_platform_scope()) WITH CHECK (user_id = app_current_user() OR app_platform_scope());

--changeset classentra:0012-calendar-feed-lookup splitStatements:false
--comment: Calendar apps fetch the feed without signing in; this answers only "whose feed has this token hash".
CREATE FUNCTION calendar_feed_owner(hash text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT user_id FROM calendar_feed WHERE token_hash = hash $$;
REVOKE ALL ON FUNCTION calendar_feed_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_feed_owner(text) TO classentra_app;
