--liquibase formatted sql

--changeset classentra:0001-app-role splitStatements:false
--comment: The role the application connects as. It owns nothing and cannot bypass row-level security;
--comment: migrations run as the schema owner. On managed servers create the role beforehand (docs/operations.md).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'classentra_app') THEN
        CREATE ROLE classentra_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO classentra_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO classentra_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO classentra_app;

--changeset classentra:0001-session-settings splitStatements:false
--comment: Per-transaction settings written by the application's transaction hook (SET LOCAL semantics).
--comment: Unset or empty means "no tenant", and every tenant policy then matches no row: fail closed.
CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_current_user() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Platform-operator work (tenant list, plugin switches, audit review) runs in an explicit, audited scope.
CREATE FUNCTION app_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('app.platform_scope', true), '') = 'on' $$;
