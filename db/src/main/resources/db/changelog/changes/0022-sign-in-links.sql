--liquibase formatted sql

--changeset classentra:0022-sign-in-link-tokens
--comment: Sign-in links by email ("Email me a sign-in link") are account tokens too: signed, single-use, expiring,
--comment: only the id stored, found through account_token_owner before anyone is signed in.
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check
    CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'SIGN_IN'));
