--liquibase formatted sql

--changeset classentra:0032-message-report
--comment: A member's report of a message to the course's teachers (moderation). The reporter is kept so the teacher can
--comment: answer; the report goes with the message, and when the teacher has dealt with it, resolved_at is set.
CREATE TABLE message_report (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   uuid        NOT NULL,
    channel_id  uuid        NOT NULL,
    course_id   uuid        NOT NULL,
    message_id  uuid        NOT NULL,
    reporter_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
    reason      text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
    -- The report's channel is its message's; its course is the channel's, so teachers find reports from direct
    -- conversations too (they see the reason, not the conversation).
    FOREIGN KEY (message_id, channel_id, tenant_id) REFERENCES message (id, channel_id, tenant_id) ON DELETE CASCADE,
    FOREIGN KEY (course_id, tenant_id) REFERENCES course (id, tenant_id) ON DELETE CASCADE,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX message_report_open_idx ON message_report (course_id, created_at) WHERE resolved_at IS NULL;
CREATE INDEX message_report_reporter_idx ON message_report (reporter_id);

ALTER TABLE message_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_report FORCE ROW LEVEL SECURITY;
-- The workspace's teachers read and resolve reports; a reporter writes (and sees) their own.
CREATE POLICY message_report_read ON message_report FOR SELECT
    USING ((SELECT app_platform_scope()) OR tenant_id = (SELECT app_current_tenant()) OR reporter_id = (SELECT app_current_user()));
CREATE POLICY message_report_insert ON message_report FOR INSERT
    WITH CHECK ((SELECT app_platform_scope())
                OR (reporter_id = (SELECT app_current_user()) AND EXISTS (SELECT 1 FROM channel c WHERE c.id = message_report.channel_id
                                                                           AND c.course_id = message_report.course_id)));
CREATE POLICY message_report_update ON message_report FOR UPDATE
    USING ((SELECT app_platform_scope()) OR tenant_id = (SELECT app_current_tenant()))
    WITH CHECK ((SELECT app_platform_scope()) OR tenant_id = (SELECT app_current_tenant()));
