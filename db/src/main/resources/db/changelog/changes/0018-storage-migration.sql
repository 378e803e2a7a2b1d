--liquibase formatted sql

--changeset classentra:0018-storage-migration
-- When the storage slot changes, every object is copied from the former provider to the new one. The former
-- choice is kept here (secrets still encrypted, as in plugin_slot_state) so that reads can fall back to it
-- until the copy is complete, on every node and across restarts.
CREATE TABLE storage_migration (
    id                   uuid PRIMARY KEY,
    source_provider_id   text        NOT NULL,
    source_plugin_id     text,
    source_config        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    source_version       bigint      NOT NULL,
    target_provider_id   text        NOT NULL,
    target_version       bigint      NOT NULL,
    status               text        NOT NULL DEFAULT 'COPYING' CHECK (status IN ('COPYING', 'DONE', 'ABANDONED')),
    listing_cursor       text,
    listing_done         boolean     NOT NULL DEFAULT false,
    objects_listed       bigint      NOT NULL DEFAULT 0,
    objects_copied       bigint      NOT NULL DEFAULT 0,
    objects_present      bigint      NOT NULL DEFAULT 0,
    objects_gone         bigint      NOT NULL DEFAULT 0,
    bytes_copied         bigint      NOT NULL DEFAULT 0,
    last_error           text,
    started_by           uuid REFERENCES app_user (id) ON DELETE SET NULL,
    started_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz
);
COMMENT ON COLUMN storage_migration.source_config IS 'Former provider settings; secret fields hold "enc:v1:" AES-GCM ciphertext';
COMMENT ON COLUMN storage_migration.objects_present IS 'Objects the new provider already held with the same size and checksum';
COMMENT ON COLUMN storage_migration.objects_gone IS 'Objects listed but deleted from the former provider before they were copied';
-- At most one copy runs at a time: a second switch is refused until it is done.
CREATE UNIQUE INDEX storage_migration_one_running ON storage_migration ((true)) WHERE status = 'COPYING';

-- Objects whose copy failed: retried with backoff until they succeed, never dropped.
CREATE TABLE storage_migration_failure (
    migration_id    uuid        NOT NULL REFERENCES storage_migration (id) ON DELETE CASCADE,
    object_key      text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 1,
    last_error      text        NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (migration_id, object_key)
);

--changeset classentra:0018-storage-migration-rls
-- Every node reads where objects are while a copy runs; only the platform scope records the copy.
ALTER TABLE storage_migration ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage_migration FORCE ROW LEVEL SECURITY;
CREATE POLICY storage_migration_read ON storage_migration FOR SELECT USING (true);
CREATE POLICY storage_migration_write ON storage_migration FOR ALL
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));
ALTER TABLE storage_migration_failure ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage_migration_failure FORCE ROW LEVEL SECURITY;
CREATE POLICY storage_migration_failure_all ON storage_migration_failure FOR ALL
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));
