--liquibase formatted sql

--changeset classentra:0029-subprocessor-change
--comment: A provider switch that brings a company onto the subprocessor list takes effect no sooner than 30 days after
--comment: it is announced (subprocessor page: "at least 30 days in advance"). The validated settings wait here, their
--comment: secrets encrypted as in plugin_slot_state, until the job applies them on effective_on. Who scheduled it is in
--comment: the audit log. Platform data: only the platform scope reads or writes it.
CREATE TABLE subprocessor_change (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slot             text        NOT NULL,
    provider_id      text        NOT NULL,
    plugin_id        text        NOT NULL,
    settings         jsonb       NOT NULL,
    processor_before text,
    processor_after  text        NOT NULL,
    purpose_after    text        NOT NULL,
    location_after   text        NOT NULL,
    data_after       text        NOT NULL,
    dpf_after        text        NOT NULL,
    effective_on     date        NOT NULL,
    status           text        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'APPLIED', 'CANCELLED', 'FAILED')),
    failure          text,
    scheduled_at     timestamptz NOT NULL DEFAULT now(),
    decided_at       timestamptz,
    CHECK (effective_on >= (scheduled_at AT TIME ZONE 'UTC')::date + 30),
    CHECK ((status = 'SCHEDULED') = (decided_at IS NULL))
);
COMMENT ON COLUMN subprocessor_change.settings IS 'The provider''s settings as plugin_slot_state.config stores them: secrets sealed by SlotSecrets';
COMMENT ON COLUMN subprocessor_change.failure IS 'Why applying it failed (the provider refused its settings on the day), for the administrator';
-- One announced switch per slot at a time: a second would make the first's notice wrong.
CREATE UNIQUE INDEX subprocessor_change_one_per_slot ON subprocessor_change (slot) WHERE status = 'SCHEDULED';
CREATE INDEX subprocessor_change_due_idx ON subprocessor_change (effective_on) WHERE status = 'SCHEDULED';

ALTER TABLE subprocessor_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE subprocessor_change FORCE ROW LEVEL SECURITY;
CREATE POLICY subprocessor_change_platform ON subprocessor_change
    USING ((SELECT app_platform_scope()))
    WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0029-subprocessor-notice
--comment: The notice each ORGANIZATION workspace was sent about a change, and to which address: the record that the
--comment: 30 days' notice was given. Its signed id is the link with which the privacy contact objects. The address is
--comment: cleared when its owner deletes their account; that the workspace was told stays.
CREATE TABLE subprocessor_notice (
    id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    change_id uuid        NOT NULL REFERENCES subprocessor_change (id) ON DELETE CASCADE,
    tenant_id uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    sent_to   text        CHECK (sent_to ~ '^[^@\s]+@[^@\s]+$'),
    sent_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (change_id, tenant_id, sent_to)
);
CREATE INDEX subprocessor_notice_tenant_idx ON subprocessor_notice (tenant_id);

ALTER TABLE subprocessor_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE subprocessor_notice FORCE ROW LEVEL SECURITY;
-- A workspace reads the notices it was sent; only the platform sends them.
CREATE POLICY subprocessor_notice_tenant ON subprocessor_notice
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0029-subprocessor-objection
--comment: A workspace's written objection to an announced change (subprocessor page: "Customers may object in writing
--comment: within that window"), one per workspace and change, listed to the administrator. Made in the workspace's
--comment: settings by an owner (the audit log names them) or from the notice's link (notice_id says which).
CREATE TABLE subprocessor_objection (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    change_id  uuid        NOT NULL REFERENCES subprocessor_change (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    notice_id  uuid        REFERENCES subprocessor_notice (id) ON DELETE SET NULL,
    reason     text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (change_id, tenant_id)
);
CREATE INDEX subprocessor_objection_tenant_idx ON subprocessor_objection (tenant_id);

ALTER TABLE subprocessor_objection ENABLE ROW LEVEL SECURITY;
ALTER TABLE subprocessor_objection FORCE ROW LEVEL SECURITY;
CREATE POLICY subprocessor_objection_tenant ON subprocessor_objection
    USING (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()) OR (SELECT app_platform_scope()));

--changeset classentra:0029-subprocessor-list-version
--comment: The subprocessor page as a versioned document: a new version whenever what it lists (companies in service,
--comment: announced changes) differs from the latest, so "Last updated" is the day the current list first appeared,
--comment: whatever changed it (a switch, an announcement, Google sign-in or the hosting named in the configuration).
CREATE TABLE subprocessor_list_version (
    version      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    published_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE subprocessor_list_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE subprocessor_list_version FORCE ROW LEVEL SECURITY;
CREATE POLICY subprocessor_list_version_platform ON subprocessor_list_version
    USING ((SELECT app_platform_scope()))
    WITH CHECK ((SELECT app_platform_scope()));
