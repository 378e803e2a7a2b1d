--liquibase formatted sql

--changeset classentra:0036-live-room-removal splitStatements:false
--comment: A student who leaves a course, or is removed from it, is put out of the rooms of its sessions that are open
--comment: now (their next grant is refused anyway, but the one they hold lasts its fifteen minutes). Queued by a trigger
--comment: on the enrolment, whatever ended it, and done by the video-cleanup queue with each room's settings.
ALTER TABLE video_cleanup ADD COLUMN participant_identity text;
ALTER TABLE video_cleanup DROP CONSTRAINT video_cleanup_action_check;
ALTER TABLE video_cleanup ADD CONSTRAINT video_cleanup_action_check CHECK (action IN ('END_ROOM', 'DELETE_RECORDING', 'REMOVE_PARTICIPANT'));
ALTER TABLE video_cleanup ADD CONSTRAINT video_cleanup_participant_check
    CHECK (action <> 'REMOVE_PARTICIPANT' OR participant_identity IS NOT NULL);

CREATE FUNCTION queue_live_room_removal() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    previous text := app_platform_scope_enter();
BEGIN
    INSERT INTO video_cleanup (action, provider_version, room_name, participant_identity)
        SELECT 'REMOVE_PARTICIPANT', r.provider_version, r.room_name, NEW.student_id::text
        FROM live_room r
        WHERE r.course_id = NEW.course_id AND r.provider_version IS NOT NULL AND r.ended_at IS NULL
          AND now() >= r.starts_at - interval '10 minutes' AND now() < r.ends_at + interval '30 minutes';
    PERFORM app_platform_scope_leave(previous);
    RETURN NEW;
END
$$;
CREATE TRIGGER enrolment_ended_live_room_removal AFTER UPDATE OF status ON enrolment
    FOR EACH ROW WHEN (OLD.status = 'ACTIVE' AND NEW.status <> 'ACTIVE') EXECUTE FUNCTION queue_live_room_removal();
