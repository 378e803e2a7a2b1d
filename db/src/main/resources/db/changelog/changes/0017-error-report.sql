--liquibase formatted sql

--changeset classentra:0017-error-report
--comment: Server errors waiting to be sent through the errors slot (Sentry, for instance), scrubbed of personal data
--comment: before they are written. Platform-level: no tenant, no user, no request data beyond the route template.
CREATE TABLE error_report (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    fingerprint     text        NOT NULL,
    exception_type  text        NOT NULL,
    message         text,
    stack_frames    text[]      NOT NULL DEFAULT '{}',
    release         text,
    tags            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurrences     integer     NOT NULL DEFAULT 1,
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    last_error      text,
    provider_id     text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN error_report.fingerprint IS 'sha256 of the exception type and its top application frame: the same error in a burst adds to one row';
COMMENT ON COLUMN error_report.next_attempt_at IS 'A new row waits out the burst window, so the occurrences of a burst go out as one report';
-- The one row a burst of the same error adds to: not yet attempted. Once claimed for sending it leaves this index,
-- and a later occurrence opens a new row.
CREATE UNIQUE INDEX error_report_open_burst_idx ON error_report (fingerprint) WHERE status = 'PENDING' AND attempts = 0;
CREATE INDEX error_report_due_idx ON error_report (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX error_report_status_created_idx ON error_report (status, created_at DESC);

--changeset classentra:0017-error-report-rls
-- Error capture, the dispatcher job and the retention job all run in the platform scope; no tenant or user reads them.
ALTER TABLE error_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE error_report FORCE ROW LEVEL SECURITY;
CREATE POLICY error_report_platform ON error_report FOR ALL
    USING (app_platform_scope()) WITH CHECK (app_platform_scope());
