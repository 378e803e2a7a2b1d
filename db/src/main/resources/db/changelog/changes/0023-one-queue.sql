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
