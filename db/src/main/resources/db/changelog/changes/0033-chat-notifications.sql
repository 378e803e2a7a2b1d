--liquibase formatted sql

--changeset classentra:0033-message-mentions
--comment: The people a message mentions (@Name), found among those who read its channel when it was written: their
--comment: notification, and the highlight they see. A person leaves these lists when their account is deleted.
ALTER TABLE message ADD COLUMN mentions uuid[] NOT NULL DEFAULT '{}';

--changeset classentra:0033-message-notifications
--comment: Direct messages and mentions notify (privacy policy: "Messages ... in course and direct message channels").
--comment: One unread notification per person and conversation: a second message while the first is unread adds
--comment: nothing (the unique index, which the sender's insert meets without reading the recipient's rows).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('ANNOUNCEMENT', 'NEW_WORK', 'SESSION', 'SUBMISSION', 'GRADE_RETURNED', 'ENROLMENT', 'MESSAGE'));
ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_kind_check;
ALTER TABLE notification_preference ADD CONSTRAINT notification_preference_kind_check
    CHECK (kind IN ('ANNOUNCEMENT', 'NEW_WORK', 'SESSION', 'SUBMISSION', 'GRADE_RETURNED', 'ENROLMENT', 'MESSAGE'));
CREATE UNIQUE INDEX notification_unread_message_idx ON notification (user_id, link) WHERE kind = 'MESSAGE' AND read_at IS NULL;

--changeset classentra:0033-read-receipts
--comment: Read receipts a person may withhold (privacy policy: "read receipts"). last_read_seq is the person's own
--comment: marker (their unread counts); shared_read_seq is what the others of the channel see as "seen", and it moves
--comment: only while the person sends read receipts (chat_setting).
ALTER TABLE channel_member ADD COLUMN shared_read_seq bigint NOT NULL DEFAULT 0;
-- Everyone sent receipts until now. The table is FORCEd, so the owner acts in the platform scope.
SELECT set_config('app.platform_scope', 'on', true);
UPDATE channel_member SET shared_read_seq = last_read_seq;
CREATE TABLE chat_setting (
    user_id            uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    send_read_receipts boolean     NOT NULL DEFAULT true,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE chat_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_setting_owner ON chat_setting
    USING ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user()))
    WITH CHECK ((SELECT app_platform_scope()) OR user_id = (SELECT app_current_user()));
