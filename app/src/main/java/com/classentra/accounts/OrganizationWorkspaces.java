package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.privacy.OrganizationDirectory;
import com.classentra.platform.security.SignedInUser;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Organization workspaces as the subprocessor notices see them ({@link OrganizationDirectory}). A workspace without a
 * contact on file is reached through its owners.
 */
@Service
class OrganizationWorkspaces implements OrganizationDirectory {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DSLContext db;
    private final PlatformScope platformScope;
    private final ScopedTransactions scoped;
    private final AuditLog audit;

    OrganizationWorkspaces(DSLContext db, PlatformScope platformScope, ScopedTransactions scoped, AuditLog audit) {
        this.db = db;
        this.platformScope = platformScope;
        this.scoped = scoped;
        this.audit = audit;
    }

    @Override
    public List<Organization> all() {
        return organizations(AccountColumns.WORKSPACE_KIND.eq(WorkspaceKind.ORGANIZATION));
    }

    /** Read in the person's own scope first: which workspaces they own. */
    @Override
    public List<Organization> ownedBy(SignedInUser user) {
        List<UUID> owned = scoped.asUser(user.id(), () -> db.select(TENANT_MEMBER.TENANT_ID).from(TENANT_MEMBER)
                .where(TENANT_MEMBER.USER_ID.eq(user.id()).and(AccountColumns.MEMBER_ROLE.eq(WorkspaceRole.OWNER)))
                .fetch(TENANT_MEMBER.TENANT_ID));
        if (owned.isEmpty()) {
            return List.of();
        }
        return platformScope.inTransaction(user.id(), "read the organization workspaces a person owns",
                () -> organizations(AccountColumns.WORKSPACE_KIND.eq(WorkspaceKind.ORGANIZATION).and(TENANT.ID.in(owned))));
    }

    @Override
    public Optional<String> name(UUID workspaceId) {
        return db.select(TENANT.NAME).from(TENANT).where(TENANT.ID.eq(workspaceId)).fetchOptional(TENANT.NAME);
    }

    @Override
    public Optional<String> setPrivacyContact(SignedInUser user, UUID workspaceId, String address) {
        String contact = address == null || address.isBlank() ? null : address.strip();
        if (contact != null && (contact.length() > 254 || !ADDRESS.matcher(contact).matches())) {
            return Optional.of("Enter one email address, such as privacy@example.org.");
        }
        if (!owns(user, workspaceId)) {
            throw new AccessDeniedException("Only an owner of the workspace sets its privacy contact");
        }
        scoped.runAsPerson(workspaceId, user.id(), () -> {
            db.update(TENANT).set(TENANT.PRIVACY_CONTACT_EMAIL, contact).set(TENANT.UPDATED_AT, OffsetDateTime.now())
                    .where(TENANT.ID.eq(workspaceId)).execute();
            audit.record(workspaceId, user.id(), "workspace.privacy-contact.changed", "workspace", workspaceId.toString(),
                    Map.of("set", contact != null));
        });
        return Optional.empty();
    }

    private List<Organization> organizations(org.jooq.Condition which) {
        Map<UUID, Organization> byId = new LinkedHashMap<>();
        db.select(TENANT.ID, TENANT.NAME, TENANT.PRIVACY_CONTACT_EMAIL).from(TENANT).where(which).orderBy(TENANT.NAME, TENANT.ID)
                .forEach(r -> byId.put(r.value1(), new Organization(r.value1(), r.value2(), r.value3(), List.of())));
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> owners = db.select(TENANT_MEMBER.TENANT_ID, APP_USER.EMAIL).from(TENANT_MEMBER)
                .join(APP_USER).on(APP_USER.ID.eq(TENANT_MEMBER.USER_ID))
                .where(TENANT_MEMBER.TENANT_ID.in(byId.keySet()).and(AccountColumns.MEMBER_ROLE.eq(WorkspaceRole.OWNER)))
                .and(AccountColumns.STATUS.eq(AccountStatus.ACTIVE))
                .orderBy(APP_USER.EMAIL)
                .fetchGroups(TENANT_MEMBER.TENANT_ID, APP_USER.EMAIL);
        return byId.values().stream().map(o -> new Organization(o.id(), o.name(), o.privacyContact(),
                o.privacyContact() != null ? List.of(o.privacyContact()) : owners.getOrDefault(o.id(), List.of()))).toList();
    }
}
