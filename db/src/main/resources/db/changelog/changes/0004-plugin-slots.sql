--liquibase formatted sql

--changeset classentra:0004-plugin-slot-state
-- Versions come from a sequence, so a slot's version never repeats, even after its row was deleted:
-- nodes compare it with the version of the provider instance they hold.
CREATE SEQUENCE plugin_slot_state_version_seq;
CREATE TABLE plugin_slot_state (
    slot               text PRIMARY KEY
                       CHECK (slot IN ('email', 'storage', 'video', 'ai', 'payments', 'rate-limits', 'errors')),
    active_provider_id text        NOT NULL,
    plugin_id          text,
    config             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    version            bigint      NOT NULL DEFAULT nextval('plugin_slot_state_version_seq'),
    updated_by         uuid REFERENCES app_user (id) ON DELETE SET NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN plugin_slot_state.config IS 'Provider settings; secret fields hold "enc:v1:" AES-GCM ciphertext, never clear text';
COMMENT ON COLUMN plugin_slot_state.plugin_id IS 'PF4J plugin that supplied the provider, to report it when that plugin fails to load';

--changeset classentra:0004-plugin-slot-rls
-- Every node reads the active providers; only the platform scope may change them.
ALTER TABLE plugin_slot_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE plugin_slot_state FORCE ROW LEVEL SECURITY;
CREATE POLICY plugin_slot_state_read ON plugin_slot_state FOR SELECT USING (true);
CREATE POLICY plugin_slot_state_write ON plugin_slot_state FOR ALL
    USING (app_platform_scope()) WITH CHECK (app_platform_scope());
