--liquibase formatted sql

--changeset classentra:0003-audit-event
CREATE TABLE audit_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid REFERENCES tenant (id) ON DELETE SET NULL,
    actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
    action        text        NOT NULL,
    target_type   text,
    target_id     text,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    details       jsonb       NOT NULL DEFAULT '{}'::jsonb
);
COMMENT ON COLUMN audit_event.tenant_id IS 'Null for platform-level events (plugin switches, first-run setup)';
CREATE INDEX audit_event_tenant_time_idx ON audit_event (tenant_id, occurred_at DESC);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC);

--changeset classentra:0003-audit-rls
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_read ON audit_event FOR SELECT
    USING (tenant_id = app_current_tenant() OR app_platform_scope());
-- An event is attributed to whoever acts in the transaction; only the platform scope records for others.
CREATE POLICY audit_event_append ON audit_event FOR INSERT
    WITH CHECK (app_platform_scope()
                OR ((tenant_id IS NULL OR tenant_id = app_current_tenant())
                    AND actor_user_id IS NOT DISTINCT FROM app_current_user()));
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON audit_event FROM classentra_app;
