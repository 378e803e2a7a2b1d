--liquibase formatted sql

--changeset classentra:0026-data-export
--comment: "Download my data" (privacy policy, "Your Rights"): one row per request, worked as a durable queue
--comment: (PENDING, SENDING while a node builds the ZIP, SENT once it is stored and the email queued, DEAD when given
--comment: up). The ZIP lives in the storage slot under storage_key until expires_at (7 days), when the expiry job deletes
--comment: it and sets object_deleted_at; the row itself goes 30 days later (retention rule "data-export").
CREATE TABLE data_export (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id           uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    lease_until       timestamptz,
    last_error        text,
    progress          text,
    storage_key       text,
    size_bytes        bigint,
    ready_at          timestamptz,
    expires_at        timestamptz,
    object_deleted_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'SENT' OR (storage_key IS NOT NULL AND expires_at IS NOT NULL))
);
COMMENT ON COLUMN data_export.progress IS 'The step being written, for Settings ("grades, 9 of 21")';
CREATE INDEX data_export_user_idx ON data_export (user_id, created_at DESC);
CREATE INDEX data_export_due_idx ON data_export (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX data_export_expiry_idx ON data_export (expires_at) WHERE status = 'SENT' AND object_deleted_at IS NULL;

ALTER TABLE data_export ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_export FORCE ROW LEVEL SECURITY;
-- A person sees and asks for their own exports; building, expiring and purging them is the platform's.
CREATE POLICY data_export_own ON data_export
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));
