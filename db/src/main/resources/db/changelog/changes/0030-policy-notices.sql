--liquibase formatted sql

--changeset classentra:0030-policy-notices
--comment: A version published with a future effective date is announced by email to every account before it takes
--comment: effect (privacy policy, "Changes to This Policy"), in batches: notice_cursor is the last account emailed (accounts
--comment: go in id order), notices_done_at when all were. A version in force when published needs no notice.
ALTER TABLE policy_document ADD COLUMN notice_cursor uuid;
ALTER TABLE policy_document ADD COLUMN notices_done_at timestamptz;
