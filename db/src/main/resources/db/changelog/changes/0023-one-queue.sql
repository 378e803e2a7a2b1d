--liquibase formatted sql

--changeset classentra:0023-file-purge-queue
--comment: The purge of deleted files' objects becomes a durable queue like the email outbox (platform/jobs/QueueTable): a
--comment: key whose delete keeps failing backs off and is finally given up (DEAD) instead of being tried first on every
--comment: run, and the storage is called outside the transaction that claimed the row. Not FORCEd (see 0012), so no scope.
ALTER TABLE file_purge ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE file_purge ADD CONSTRAINT file_purge_id_key UNIQUE (id);
ALTER TABLE file_purge ADD COLUMN status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DEAD'));
ALTER TABLE file_purge ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE file_purge ADD COLUMN lease_until timestamptz;
ALTER TABLE file_purge ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
COMMENT ON COLUMN file_purge.status IS 'A purged key''s row is deleted; SENDING while a node deletes the object, DEAD once given up';
CREATE INDEX file_purge_due_idx ON file_purge (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');

--changeset classentra:0023-notification-email-queue
--comment: Applying each notification's email preference becomes a durable queue (QueueTable over the email_* columns): a
--comment: notification whose email cannot be queued (an address the outbox refuses, say) backs off and is given up (DEAD)
--comment: on its own, where it used to roll back its whole batch and be taken first again on every run.
ALTER TABLE notification ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN email_next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE notification ADD COLUMN email_lease_until timestamptz;
ALTER TABLE notification ADD COLUMN email_last_error text;
ALTER TABLE notification ADD COLUMN email_updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE notification DROP CONSTRAINT notification_email_state_check;
ALTER TABLE notification ADD CONSTRAINT notification_email_state_check
    CHECK (email_state IN ('PENDING', 'SENDING', 'DIGEST', 'SENT', 'SKIPPED', 'DEAD'));
COMMENT ON COLUMN notification.email_state IS 'PENDING until the notification mailer applies the person''s preference (SENDING while it does, DEAD once given up); DIGEST until the person''s digest is sent';
DROP INDEX notification_email_idx;
CREATE INDEX notification_email_due_idx ON notification (email_next_attempt_at) WHERE email_state IN ('PENDING', 'SENDING');
CREATE INDEX notification_email_waiting_idx ON notification (email_state, created_at) WHERE email_state IN ('PENDING', 'SENDING', 'DEAD');
CREATE INDEX notification_email_digest_idx ON notification (user_id) WHERE email_state = 'DIGEST';

--changeset classentra:0023-notification-digest
--comment: The daily digests, one durable queue row per person: opened each morning for everyone with DIGEST notifications,
--comment: deleted once the digest email is queued, retried with backoff until given up (DEAD). A dead digest is opened
--comment: again the next morning with a fresh attempt budget; its notifications stay DIGEST meanwhile.
CREATE TABLE notification_digest (
    user_id         uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_digest_due_idx ON notification_digest (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
-- Only the mailer's jobs, in the platform scope, read or write it.
ALTER TABLE notification_digest ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_digest FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_digest_platform ON notification_digest FOR ALL
    USING (app_platform_scope()) WITH CHECK (app_platform_scope());

--changeset classentra:0023-storage-copy-queue
--comment: A storage migration's failed copies become a durable queue (QueueTable): claimed with a lease and, after their
--comment: attempts, given up (DEAD); the migration then waits for an administrator to try them again or to abandon it,
--comment: where it used to retry them for ever. Failures belong to the running copy: abandoning drops them (its audit
--comment: entry counts them), and those left by migrations abandoned before go here. FORCEd, so in the platform scope.
ALTER TABLE storage_migration_failure ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE storage_migration_failure ADD CONSTRAINT storage_migration_failure_id_key UNIQUE (id);
ALTER TABLE storage_migration_failure ADD COLUMN status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DEAD'));
ALTER TABLE storage_migration_failure ADD COLUMN lease_until timestamptz;
ALTER TABLE storage_migration_failure ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE storage_migration_failure ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX storage_migration_failure_due_idx ON storage_migration_failure (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
SELECT set_config('app.platform_scope', 'on', true);
DELETE FROM storage_migration_failure f USING storage_migration m WHERE m.id = f.migration_id AND m.status <> 'COPYING';
