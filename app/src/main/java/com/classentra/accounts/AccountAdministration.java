package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.security.SessionDirectory;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What an administrator does to an account: suspending it ends its sessions at once and refuses sign-in. */
@Service
public class AccountAdministration {

    private final DSLContext db;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final SessionDirectory sessions;

    AccountAdministration(DSLContext db, PlatformScope platformScope, AuditLog audit,
            SessionDirectory sessions) {
        this.db = db;
        this.platformScope = platformScope;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** @return how many sessions were ended */
    @PreAuthorize("hasRole('ADMIN')")
    public int suspend(UUID userId, UUID actor, String reason) {
        setStatus(userId, actor, AccountStatus.SUSPENDED, Map.of("reason", reason));
        return sessions.endSessions(userId, null);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void reinstate(UUID userId, UUID actor) {
        setStatus(userId, actor, AccountStatus.ACTIVE, Map.of());
    }

    private void setStatus(UUID userId, UUID actor, AccountStatus status, Map<String, String> details) {
        platformScope.inTransaction(actor, "account status", () -> {
            int changed = db.update(APP_USER).set(AccountColumns.STATUS, status).set(APP_USER.UPDATED_AT, currentOffsetDateTime())
                    .where(APP_USER.ID.eq(userId)).execute();
            if (changed == 0) {
                throw new IllegalArgumentException("No such account");
            }
            audit.record(null, actor, "account." + status.name().toLowerCase(java.util.Locale.ROOT), "user", userId.toString(), details);
            return changed;
        });
    }
}
