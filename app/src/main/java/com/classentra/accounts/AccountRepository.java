package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.Routines;
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

    /** The account with this email (case-insensitively), through the SECURITY DEFINER lookup: works before sign-in. */
    Optional<UUID> idForEmail(String email) {
        return Optional.ofNullable(db.select(Routines.accountIdForEmail(email)).fetchOne(0, UUID.class));
    }

    Optional<UUID> idForGoogleSubject(String subject) {
        return Optional.ofNullable(db.select(Routines.accountIdForGoogleSubject(subject)).fetchOne(0, UUID.class));
    }

    /** Remembers the Google account of a user, with the name and picture Google shows. */
    void linkGoogle(UUID userId, String subject, String displayName, String avatarUrl, boolean emailVerified) {
        db.update(APP_USER)
                .set(APP_USER.GOOGLE_SUBJECT, subject)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.AVATAR_URL, avatarUrl)
                .set(APP_USER.EMAIL_VERIFIED, emailVerified ? org.jooq.impl.DSL.inline(true) : APP_USER.EMAIL_VERIFIED)
                .set(APP_USER.UPDATED_AT, currentOffsetDateTime())
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** The account's row; row-level security shows it to the person themself (and the platform scope). */
    void unlinkGoogle(UUID userId) {
        db.update(APP_USER).setNull(APP_USER.GOOGLE_SUBJECT).setNull(APP_USER.DISPLAY_NAME).setNull(APP_USER.AVATAR_URL)
                .set(APP_USER.UPDATED_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(userId)).execute();
    }

    Optional<AppUserRecord> findById(UUID id) {
        return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional();
    }

    boolean administratorExists() {
        return db.select(Routines.administratorExists()).fetchOne(0, Boolean.class);
    }

    UUID insert(NewAccount account, String passwordHash, boolean emailVerified) {
        UUID id = account.id() != null ? account.id() : UUID.randomUUID();
        db.insertInto(APP_USER)
                .set(APP_USER.ID, id)
                .set(APP_USER.EMAIL, account.email().strip())
                .set(APP_USER.FIRST_NAME, account.firstName().strip())
                .set(APP_USER.LAST_NAME, account.lastName().strip())
                .set(APP_USER.TITLE, account.title() == null || account.title().isBlank() ? null : account.title().strip())
                .set(APP_USER.ROLES, account.roles())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.EMAIL_VERIFIED, emailVerified)
                .execute();
        return id;
    }

    /** Creates a workspace and makes the user its owner; runs in the new tenant's own scope. */
    void createPersonalTenant(UUID tenantId, String name, UUID ownerId) {
        db.insertInto(TENANT).set(TENANT.ID, tenantId).set(AccountColumns.WORKSPACE_KIND, WorkspaceKind.PERSONAL).set(TENANT.NAME, name).execute();
        db.insertInto(TENANT_MEMBER).set(TENANT_MEMBER.TENANT_ID, tenantId).set(TENANT_MEMBER.USER_ID, ownerId)
                .set(AccountColumns.MEMBER_ROLE, WorkspaceRole.OWNER).execute();
    }

    void markEmailVerified(UUID userId) {
        db.update(APP_USER).set(APP_USER.EMAIL_VERIFIED, true).set(APP_USER.UPDATED_AT, currentOffsetDateTime())
                .where(APP_USER.ID.eq(userId)).execute();
    }

    void updatePasswordHash(UUID userId, String passwordHash) {
        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).set(APP_USER.UPDATED_AT, currentOffsetDateTime())
                .where(APP_USER.ID.eq(userId)).execute();
    }

    void recordSignIn(UUID userId) {
        db.update(APP_USER).set(APP_USER.LAST_SIGN_IN_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(userId)).execute();
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

    /** An account about to be created; a null id lets the repository choose one. */
    record NewAccount(UUID id, String email, String firstName, String lastName, String title, String[] roles) {
    }
}
