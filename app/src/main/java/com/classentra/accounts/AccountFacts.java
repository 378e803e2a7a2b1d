package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What deleting an account starts from: where to tell the person, and the personal workspaces that go with them. */
@Service
public class AccountFacts {

    private final DSLContext db;

    AccountFacts(DSLContext db) {
        this.db = db;
    }

    public record Facts(String email, String firstName, Set<UUID> personalWorkspaces) {
    }

    /** Read in the caller's (platform) scope; empty once the account is gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Facts> of(UUID userId) {
        return db.select(APP_USER.EMAIL, APP_USER.FIRST_NAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional()
                .map(user -> new Facts(user.value1(), user.value2(), Set.copyOf(db.select(TENANT.ID).from(TENANT)
                        .join(TENANT_MEMBER).on(TENANT_MEMBER.TENANT_ID.eq(TENANT.ID))
                        .where(TENANT_MEMBER.USER_ID.eq(userId), AccountColumns.MEMBER_ROLE.eq(WorkspaceRole.OWNER),
                                AccountColumns.WORKSPACE_KIND.eq(WorkspaceKind.PERSONAL))
                        .fetch(TENANT.ID))));
    }
}
