--liquibase formatted sql

--changeset classentra:0028-profile
--comment: Correction (privacy policy, "Your Rights"): a person edits their profile in Settings. time_zone overrides the
--comment: browser's zone when set; pending_email waits for the new address to be confirmed by a CHANGE_EMAIL link.
ALTER TABLE app_user ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE app_user ADD COLUMN pending_email text CHECK (pending_email IS NULL OR (pending_email ~ '^[^@\s]+@[^@\s]+$' AND length(pending_email) <= 320));
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check
    CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'SIGN_IN', 'CHANGE_EMAIL'));
