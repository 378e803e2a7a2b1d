--liquibase formatted sql

--changeset classentra:0002-tenant
CREATE TABLE tenant (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind                  text        NOT NULL CHECK (kind IN ('PERSONAL', 'ORGANIZATION')),
    name                  text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    privacy_contact_email text        CHECK (privacy_contact_email IS NULL OR privacy_contact_email ~ '^[^@\s]+@[^@\s]+$'),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN tenant.privacy_contact_email IS 'Receives 30-day notices of subprocessor changes (ORGANIZATION tenants)';

--changeset classentra:0002-app-user
CREATE TABLE app_user (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email          text        NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    first_name     text        NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name      text        NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    title          text        CHECK (title IS NULL OR length(title) <= 100),
    roles          text[]      NOT NULL DEFAULT '{}'
                               CHECK (roles <@ ARRAY['STUDENT', 'TEACHER', 'ADMIN']::text[]),
    password_hash  text,
    email_verified boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
COMMENT ON COLUMN app_user.password_hash IS 'DelegatingPasswordEncoder format ({argon2}...); null for accounts that only sign in with Google';

--changeset classentra:0002-tenant-member
CREATE TABLE tenant_member (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('OWNER', 'TEACHER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_member_user_idx ON tenant_member (user_id);

--changeset classentra:0002-tenancy-rls
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_member FORCE ROW LEVEL SECURITY;

-- A member row is visible inside its tenant, and to its own user (to list the workspaces they belong to).
CREATE POLICY tenant_member_isolation ON tenant_member
    USING (tenant_id = app_current_tenant() OR user_id = app_current_user() OR app_platform_scope())
    WITH CHECK (tenant_id = app_current_tenant() OR app_platform_scope());

CREATE POLICY tenant_isolation ON tenant
    USING (id = app_current_tenant() OR app_platform_scope()
           OR EXISTS (SELECT 1 FROM tenant_member m WHERE m.tenant_id = tenant.id AND m.user_id = app_current_user()))
    WITH CHECK (id = app_current_tenant() OR app_platform_scope());
