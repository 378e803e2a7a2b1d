--liquibase formatted sql

--changeset classentra:0035-webhook-inbox
--comment: Every webhook a provider sends us (video now, payments next), stored once per (slot, provider, event id)
--comment: after its signature was verified, then processed by a queue (QueueTable: PENDING, SENDING, SENT when
--comment: processed, DEAD once given up). The raw body is kept for the administrator and the retry; event holds what
--comment: the provider read from it. Processed rows go after 30 days (retention job), as server logs do.
CREATE TABLE webhook_inbox (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slot            text        NOT NULL,
    provider_id     text        NOT NULL,
    event_id        text        NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    event_type      text        NOT NULL,
    body            bytea       NOT NULL,
    event           jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    processed_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (slot, provider_id, event_id)
);
COMMENT ON COLUMN webhook_inbox.body IS 'As received: it may name participants (their display names), so it is personal data kept 30 days';
CREATE INDEX webhook_inbox_due_idx ON webhook_inbox (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_inbox_received_idx ON webhook_inbox (received_at DESC);
ALTER TABLE webhook_inbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_inbox FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_inbox_platform ON webhook_inbox
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0035-video-provider-version
--comment: The settings (secrets encrypted, as stored for the slot) of each video slot version that made a room still
--comment: in use, so a room keeps its provider until it ends after an administrator switched to another, and its
--comment: recordings can still be deleted there. A version nothing refers to any more is removed by retention.
CREATE TABLE video_provider_version (
    version     bigint PRIMARY KEY,
    provider_id text        NOT NULL,
    plugin_id   text        NOT NULL,
    config      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE video_provider_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE video_provider_version FORCE ROW LEVEL SECURITY;
CREATE POLICY video_provider_version_platform ON video_provider_version
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0035-live-room
--comment: A session held in a native room (privacy policy: "Native live class participation"). The room is made at
--comment: the provider by a queue (QueueTable; SENT once made), so an outage shows as "retrying" and nothing is lost;
--comment: provider_id and version say which settings made it, which serve it until it ends. The session's times are
--comment: kept here as classwork last gave them, so the join window and the room's expiry need nothing of its tables.
CREATE TABLE live_room (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id          uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    item_id            uuid        NOT NULL UNIQUE REFERENCES course_item (id) ON DELETE CASCADE,
    room_name          text        NOT NULL UNIQUE CHECK (room_name ~ '^[A-Za-z0-9_-]{1,64}$'),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL,
    students_publish   boolean     NOT NULL DEFAULT true,
    present_percent    integer     NOT NULL DEFAULT 50 CHECK (present_percent BETWEEN 1 AND 100),
    late_after_minutes integer     NOT NULL DEFAULT 5 CHECK (late_after_minutes BETWEEN 0 AND 240),
    provider_id        text,
    provider_version   bigint REFERENCES video_provider_version (version),
    room_url           text,
    status             text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    lease_until        timestamptz,
    last_error         text,
    ended_at           timestamptz,
    attendance_filled_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
COMMENT ON COLUMN live_room.status IS 'The room''s creation at the provider: SENT once made, DEAD once given up (the teacher is told)';
COMMENT ON COLUMN live_room.attendance_filled_at IS 'When attendance was pre-filled from participation, once the session ended';
CREATE INDEX live_room_due_idx ON live_room (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX live_room_course_idx ON live_room (course_id);
CREATE INDEX live_room_tenant_idx ON live_room (tenant_id);
ALTER TABLE live_room ENABLE ROW LEVEL SECURITY;
ALTER TABLE live_room FORCE ROW LEVEL SECURITY;
CREATE POLICY live_room_read ON live_room FOR SELECT
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope())
           OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = live_room.course_id
                      AND e.student_id = (SELECT app_current_user()) AND e.status = 'ACTIVE'));
CREATE POLICY live_room_insert ON live_room FOR INSERT
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY live_room_update ON live_room FOR UPDATE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY live_room_delete ON live_room FOR DELETE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

--changeset classentra:0035-live-participation
--comment: Who was in a native room and when (privacy policy: "participant-minutes"): one row per stay, keyed by the
--comment: provider's id of that stay, so a webhook delivered twice changes nothing. user_id is null for an identity
--comment: that is none of ours. Deleted with the session, the course, or the person's account.
CREATE TABLE live_participation (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id        uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    room_id          uuid        NOT NULL REFERENCES live_room (id) ON DELETE CASCADE,
    user_id          uuid REFERENCES app_user (id) ON DELETE CASCADE,
    provider_session text        NOT NULL,
    display_name     text        NOT NULL DEFAULT '',
    joined_at        timestamptz,
    left_at          timestamptz,
    UNIQUE (room_id, provider_session)
);
CREATE INDEX live_participation_user_idx ON live_participation (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX live_participation_tenant_idx ON live_participation (tenant_id, joined_at);
ALTER TABLE live_participation ENABLE ROW LEVEL SECURITY;
ALTER TABLE live_participation FORCE ROW LEVEL SECURITY;
CREATE POLICY live_participation_read ON live_participation FOR SELECT
    USING (tenant_id = (SELECT app_current_tenant()) OR user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));
CREATE POLICY live_participation_write ON live_participation FOR INSERT WITH CHECK ((SELECT app_platform_scope()));
CREATE POLICY live_participation_update ON live_participation FOR UPDATE
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));
CREATE POLICY live_participation_delete ON live_participation FOR DELETE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

--changeset classentra:0035-live-recording
--comment: Recording metadata (privacy policy: "recording metadata when applicable"): who started it, when, how long,
--comment: how large and where the provider keeps the file, and its room's name for the provider. The file stays at the provider; deleting the row (the
--comment: session's or the course's deletion) queues its deletion there (video_cleanup).
CREATE TABLE live_recording (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id             uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    course_id             uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    room_id               uuid        NOT NULL REFERENCES live_room (id) ON DELETE CASCADE,
    room_name             text        NOT NULL,
    provider_id           text        NOT NULL,
    provider_version      bigint      NOT NULL REFERENCES video_provider_version (version),
    provider_recording_id text,
    status                text        NOT NULL CHECK (status IN ('RECORDING', 'STOPPING', 'READY', 'FAILED')),
    started_by            uuid REFERENCES app_user (id) ON DELETE SET NULL,
    started_at            timestamptz NOT NULL DEFAULT now(),
    duration_seconds      bigint,
    size_bytes            bigint,
    location              text,
    failure               text,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (room_id, provider_recording_id)
);
CREATE INDEX live_recording_tenant_idx ON live_recording (tenant_id);
ALTER TABLE live_recording ENABLE ROW LEVEL SECURITY;
ALTER TABLE live_recording FORCE ROW LEVEL SECURITY;
CREATE POLICY live_recording_read ON live_recording FOR SELECT
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope())
           OR EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = live_recording.course_id
                      AND e.student_id = (SELECT app_current_user()) AND e.status = 'ACTIVE'));
CREATE POLICY live_recording_insert ON live_recording FOR INSERT
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY live_recording_update ON live_recording FOR UPDATE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));
CREATE POLICY live_recording_delete ON live_recording FOR DELETE
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

--changeset classentra:0035-video-cleanup splitStatements:false
--comment: What must still be done at a video provider after its rows are gone: close a deleted session's room, delete
--comment: a deleted recording's file. Queued by triggers in the deleting transaction, whatever deleted the rows (a
--comment: session, a course, a workspace), and worked by a queue with the version's settings.
CREATE TABLE video_cleanup (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    action                text        NOT NULL CHECK (action IN ('END_ROOM', 'DELETE_RECORDING')),
    provider_version      bigint      NOT NULL REFERENCES video_provider_version (version),
    room_name             text        NOT NULL,
    provider_recording_id text,
    status                text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DEAD')),
    attempts              integer     NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz NOT NULL DEFAULT now(),
    lease_until           timestamptz,
    last_error            text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (action <> 'DELETE_RECORDING' OR provider_recording_id IS NOT NULL)
);
COMMENT ON COLUMN video_cleanup.status IS 'A done row is deleted; DEAD once given up (shown to the administrator with the reason)';
CREATE INDEX video_cleanup_due_idx ON video_cleanup (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
ALTER TABLE video_cleanup ENABLE ROW LEVEL SECURITY;
ALTER TABLE video_cleanup FORCE ROW LEVEL SECURITY;
CREATE POLICY video_cleanup_platform ON video_cleanup
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));

CREATE FUNCTION queue_video_cleanup() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
BEGIN
    IF TG_TABLE_NAME = 'live_room' THEN
        IF OLD.provider_version IS NOT NULL AND OLD.ended_at IS NULL THEN
            INSERT INTO video_cleanup (action, provider_version, room_name) VALUES ('END_ROOM', OLD.provider_version, OLD.room_name);
        END IF;
    ELSIF OLD.provider_recording_id IS NOT NULL AND OLD.status <> 'FAILED' THEN
        INSERT INTO video_cleanup (action, provider_version, room_name, provider_recording_id)
            VALUES ('DELETE_RECORDING', OLD.provider_version, OLD.room_name, OLD.provider_recording_id);
    END IF;
    PERFORM app_platform_scope_leave(previous);
    RETURN OLD;
END
$$;
-- A recording keeps its room's name: when a course goes, its rooms are deleted before their recordings' triggers run.
CREATE TRIGGER live_room_cleanup AFTER DELETE ON live_room FOR EACH ROW EXECUTE FUNCTION queue_video_cleanup();
CREATE TRIGGER live_recording_cleanup AFTER DELETE ON live_recording FOR EACH ROW EXECUTE FUNCTION queue_video_cleanup();
