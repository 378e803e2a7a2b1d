--liquibase formatted sql

--changeset classentra:0008-session-revocation
--comment: "Sign out everywhere", password resets and suspensions end sessions on every node: a session that
--comment: signed in before revoked_before is refused at its next request, whichever node holds it.
CREATE TABLE session_revocation (
    user_id        uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    revoked_before timestamptz NOT NULL
);
