--liquibase formatted sql

--changeset classentra:0007-app-user-account-state
ALTER TABLE app_user ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED'));
ALTER TABLE app_user ADD COLUMN locale text NOT NULL DEFAULT 'en';
ALTER TABLE app_user ADD COLUMN google_subject text;
ALTER TABLE app_user ADD COLUMN display_name text;
ALTER TABLE app_user ADD COLUMN avatar_url text;
ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz;
ALTER TABLE app_user ADD COLUMN onboarding_done_at timestamptz;
ALTER TABLE app_user ADD COLUMN dashboard_view text NOT NULL DEFAULT 'TODAY' CHECK (dashboard_view IN ('TODAY', 'COURSES'));
ALTER TABLE app_user ADD COLUMN assistant_tone text NOT NULL DEFAULT 'ENCOURAGING' CHECK (assistant_tone IN ('ENCOURAGING', 'CONCISE', 'FORMAL'));
CREATE UNIQUE INDEX app_user_google_subject_key ON app_user (google_subject) WHERE google_subject IS NOT NULL;

--changeset classentra:0007-account-token
--comment: Single-use links (email verification, password reset). The link carries the id, expiry and an HMAC;
--comment: only the id is stored, so a database leak yields no usable link.
CREATE TABLE account_token (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_token_user_idx ON account_token (user_id, purpose);
CREATE INDEX account_token_expires_idx ON account_token (expires_at);

--changeset classentra:0007-policy-documents
--comment: Versioned legal documents and who accepted which exact text (sha256 of the served text).
CREATE TABLE policy_document (
    kind         text        NOT NULL CHECK (kind IN ('TERMS', 'PRIVACY', 'INSTRUCTOR_AGREEMENT', 'COMMUNITY_GUIDELINES')),
    version      integer     NOT NULL,
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    body         text        NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, version),
    UNIQUE (kind, sha256)
);
CREATE TABLE policy_acceptance (
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    version     integer     NOT NULL,
    sha256      text        NOT NULL,
    accepted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind, version),
    FOREIGN KEY (kind, version) REFERENCES policy_document (kind, version)
);

--changeset classentra:0007-survey-response
--comment: Onboarding answers; deleted automatically 5 years after submission (privacy policy, "Survey & onboarding responses").
CREATE TABLE survey_response (
    user_id      uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    answers      jsonb       NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_response_submitted_idx ON survey_response (submitted_at);
