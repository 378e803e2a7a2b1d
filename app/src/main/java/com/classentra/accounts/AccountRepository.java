package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.jooq.impl.DSL.lower;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** jOOQ queries on users and their workspace memberships. */
@Repository
class AccountRepository {

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    Optional<AppUserRecord> findByEmail(String email) {
        return db.selectFrom(APP_USER).where(lower(APP_USER.EMAIL).eq(email.strip().toLowerCase())).fetchOptional();
    }

    boolean administratorExists() {
        return db.fetchExists(APP_USER, APP_USER.ROLES.contains(new String[] {"ADMIN"}));
    }

    UUID insert(String email, String firstName, String lastName, String[] roles, String passwordHash, boolean emailVerified) {
        return db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email.strip())
                .set(APP_USER.FIRST_NAME, firstName.strip())
                .set(APP_USER.LAST_NAME, lastName.strip())
                .set(APP_USER.ROLES, roles)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.EMAIL_VERIFIED, emailVerified)
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** The first workspace the user belongs to; tenant_member's policy lets a user see their own rows. */
    Optional<UUID> firstTenantOf(UUID userId) {
        return db.select(TENANT_MEMBER.TENANT_ID).from(TENANT_MEMBER)
                .where(TENANT_MEMBER.USER_ID.eq(userId))
                .orderBy(TENANT_MEMBER.CREATED_AT)
                .limit(1)
                .fetchOptional(TENANT_MEMBER.TENANT_ID);
    }

    /** Serialises first-run setup across nodes: only one administrator can be created that way. */
    void lockFirstRunSetup() {
        db.execute("select pg_advisory_xact_lock(hashtext('classentra.first-run-setup'))");
    }
}
