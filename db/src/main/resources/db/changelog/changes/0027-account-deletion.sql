--liquibase formatted sql

--changeset classentra:0027-account-deletion
--comment: "Delete Account" (privacy policy, "Your Rights" and "Data Retention"): a request waits out a 7-day cool-off
--comment: (REQUESTED; signing in offers to cancel it), then the pipeline erases the account step by step (RUNNING), each
--comment: step logged once in account_deletion_step in the transaction that does it, so a crash resumes where it stopped.
--comment: Once DONE the row keeps no person: user_id is cleared with the account, only the pseudonym and times stay.
CREATE TABLE account_deletion (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid REFERENCES app_user (id) ON DELETE SET NULL,
    pseudonym    uuid        NOT NULL DEFAULT gen_random_uuid(),
    status       text        NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'CANCELLED', 'RUNNING', 'DONE')),
    requested_at timestamptz NOT NULL DEFAULT now(),
    runs_after   timestamptz NOT NULL,
    cancelled_at timestamptz,
    completed_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (status IN ('DONE', 'CANCELLED') OR user_id IS NOT NULL)
);
COMMENT ON COLUMN account_deletion.pseudonym IS 'What records kept for a legal reason carry instead of the person (policy_acceptance_kept)';
CREATE UNIQUE INDEX account_deletion_open_idx ON account_deletion (user_id) WHERE status IN ('REQUESTED', 'RUNNING');
CREATE INDEX account_deletion_due_idx ON account_deletion (runs_after) WHERE status IN ('REQUESTED', 'RUNNING');
ALTER TABLE account_deletion ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_deletion FORCE ROW LEVEL SECURITY;
CREATE POLICY account_deletion_own ON account_deletion
    USING (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()))
    WITH CHECK (user_id = (SELECT app_current_user()) OR (SELECT app_platform_scope()));

CREATE TABLE account_deletion_step (
    deletion_id uuid        NOT NULL REFERENCES account_deletion (id) ON DELETE CASCADE,
    step        text        NOT NULL,
    rows        integer     NOT NULL,
    done_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deletion_id, step)
);
ALTER TABLE account_deletion_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_deletion_step FORCE ROW LEVEL SECURITY;
CREATE POLICY account_deletion_step_platform ON account_deletion_step
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0027-kept-policy-acceptance
--comment: Policy acceptances outlive the account by 24 months as evidence of consent (privacy policy, "Data Retention"),
--comment: under the deletion's pseudonym instead of the person; retention rule "policy-acceptance-kept" then deletes them.
CREATE TABLE policy_acceptance_kept (
    pseudonym          uuid        NOT NULL,
    kind               text        NOT NULL,
    version            integer     NOT NULL,
    accepted_at        timestamptz NOT NULL,
    account_deleted_at timestamptz NOT NULL,
    PRIMARY KEY (pseudonym, kind, version),
    FOREIGN KEY (kind, version) REFERENCES policy_document (kind, version)
);
CREATE INDEX policy_acceptance_kept_deleted_idx ON policy_acceptance_kept (account_deleted_at);
ALTER TABLE policy_acceptance_kept ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_acceptance_kept FORCE ROW LEVEL SECURITY;
CREATE POLICY policy_acceptance_kept_platform ON policy_acceptance_kept
    USING ((SELECT app_platform_scope())) WITH CHECK ((SELECT app_platform_scope()));

--changeset classentra:0027-audit-pseudonymise splitStatements:false
--comment: The audit log stays append-only for the application; deleting an account clears its actor id through this
--comment: function, which changes nothing else.
CREATE POLICY audit_event_pseudonymise ON audit_event FOR UPDATE USING (app_platform_scope()) WITH CHECK (app_platform_scope());
CREATE FUNCTION pseudonymise_audit_actor(p_user uuid) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    changed  integer;
    previous text := app_platform_scope_enter();
BEGIN
    UPDATE audit_event SET actor_user_id = NULL WHERE actor_user_id = p_user;
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM app_platform_scope_leave(previous);
    RETURN changed;
END
$$;
REVOKE ALL ON FUNCTION pseudonymise_audit_actor(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pseudonymise_audit_actor(uuid) TO classentra_app;

--changeset classentra:0027-notification-about
--comment: A notification that reports what someone did ("Ana joined the course") carries their name in its title: it
--comment: names the person it is about, and goes when their account is deleted (PersonalDataRegistry, subject ABOUT).
ALTER TABLE notification ADD COLUMN about_user_id uuid REFERENCES app_user (id) ON DELETE CASCADE;
CREATE INDEX notification_about_idx ON notification (about_user_id) WHERE about_user_id IS NOT NULL;
