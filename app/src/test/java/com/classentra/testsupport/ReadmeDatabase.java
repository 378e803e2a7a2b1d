package com.classentra.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The README's "Using a real PostgreSQL" steps, run as a superuser: the application role, a non-superuser
 * migration role, and a database that role owns. Nothing more is granted, so a change set that needs a
 * superuser, or a SECURITY DEFINER function that only works when its owner bypasses row-level security, fails
 * the tests as it would fail a user.
 */
public final class ReadmeDatabase {

    public static final String OWNER = "classentra_owner";

    private ReadmeDatabase() {
    }

    public static void create(Connection superuser, String database) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            // Roles are cluster-wide: made once, like the README's "once, as a superuser".
            createRoleOnce(statement, "classentra_app", "app-secret");
            createRoleOnce(statement, OWNER, "owner-secret");
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database + " owner " + OWNER);
        }
    }

    private static void createRoleOnce(Statement statement, String role, String password) throws SQLException {
        statement.execute("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                    END IF;
                END $$""".formatted(role, password));
    }
}
