--liquibase formatted sql

--changeset classentra:0006-email-outbox
--comment: Every email, written in the same transaction as its cause and sent later by the dispatcher job.
CREATE TABLE email_outbox (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid REFERENCES tenant (id) ON DELETE CASCADE,
    recipient_user_id   uuid REFERENCES app_user (id) ON DELETE CASCADE,
    to_address          text        NOT NULL,
    to_name             text,
    template            text        NOT NULL,
    locale              text        NOT NULL DEFAULT 'en',
    subject             text        NOT NULL,
    text_body           text        NOT NULL,
    html_body           text,
    status              text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    last_error          text,
    provider_id         text,
    provider_message_id text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN email_outbox.tenant_id IS 'Null for platform email (verification, password reset)';
COMMENT ON COLUMN email_outbox.lease_until IS 'A SENDING row whose lease passed is picked up again (the node sending it died); the provider idempotency key is the row id';
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX email_outbox_status_created_idx ON email_outbox (status, created_at DESC);
CREATE INDEX email_outbox_recipient_idx ON email_outbox (recipient_user_id);

--changeset classentra:0006-email-outbox-rls
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;
-- Anyone may queue a platform email (sign-up happens before a tenant exists); reading and changing rows
-- is for the owning tenant or the platform scope (the dispatcher and the admin console).
CREATE POLICY email_outbox_enqueue ON email_outbox FOR INSERT
    WITH CHECK (tenant_id IS NULL OR tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY email_outbox_read ON email_outbox FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope());
CREATE POLICY email_outbox_update ON email_outbox FOR UPDATE
    USING (app_platform_scope()) WITH CHECK (app_platform_scope());
CREATE POLICY email_outbox_delete ON email_outbox FOR DELETE
    USING (app_platform_scope());
