--liquibase formatted sql

--changeset classentra:0025-audit-retention splitStatements:false
--comment: The audit log is append-only for the application (0003). Its retention rule (2 years, PersonalDataRegistry)
--comment: deletes through this function alone, which refuses any cut-off younger than 2 years, so the application can
--comment: shorten nobody's record. Deletes at most p_limit events, oldest first.
CREATE FUNCTION purge_audit_events(p_before timestamptz, p_limit integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
    AS $$
DECLARE
    deleted  integer;
    previous text;
BEGIN
    IF p_before > now() - interval '2 years' THEN
        RAISE EXCEPTION 'audit events are kept for 2 years' USING ERRCODE = 'insufficient_privilege';
    END IF;
    previous := app_platform_scope_enter();
    -- No FOR UPDATE: row-level security would ask for an UPDATE policy, and nothing else ever locks an audit event.
    DELETE FROM audit_event a WHERE a.id IN (SELECT e.id FROM audit_event e WHERE e.occurred_at < p_before
                                             ORDER BY e.occurred_at LIMIT p_limit);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM app_platform_scope_leave(previous);
    RETURN deleted;
END
$$;
-- The application role has no DELETE privilege on audit_event (0003); this policy lets the function's owner delete.
CREATE POLICY audit_event_purge ON audit_event FOR DELETE USING (app_platform_scope());
REVOKE ALL ON FUNCTION purge_audit_events(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_audit_events(timestamptz, integer) TO classentra_app;

--changeset classentra:0025-retention-indexes
--comment: The retention rules' conditions, so each batch finds its rows without scanning the table.
CREATE INDEX session_revocation_revoked_before_idx ON session_revocation (revoked_before);
CREATE INDEX notification_created_at_idx ON notification (created_at);
CREATE INDEX email_outbox_created_at_idx ON email_outbox (created_at);
CREATE INDEX email_outbox_sent_at_idx ON email_outbox (sent_at) WHERE status = 'SENT';
