package com.classentra.platform.db;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who a database transaction acts for. The transaction hook ({@link TenantScopedTransactionManager})
 * writes it into {@code app.tenant_id}, {@code app.user_id} and {@code app.platform_scope} at the start of
 * every transaction, and the row-level security policies read them.
 *
 * <p>Inside a web request the scope comes from the signed-in user; jobs and sign-in code bind one
 * explicitly with {@link #supply}. Platform scope (every tenant's rows) is only for operator work that is
 * audited, see {@code PlatformScope}.
 */
public record DbScope(UUID tenantId, UUID userId, boolean platform) {

    static final ScopedValue<DbScope> CURRENT = ScopedValue.newInstance();

    public static DbScope tenant(UUID tenantId, UUID userId) {
        return new DbScope(tenantId, userId, false);
    }

    public static DbScope user(UUID userId) {
        return new DbScope(null, userId, false);
    }

    static DbScope platform(UUID actorUserId) {
        return new DbScope(null, actorUserId, true);
    }

    /** Runs the work with this scope; transactions it starts see the rows this scope may see. */
    public <T> T supply(Supplier<T> work) {
        requireNoTransaction();
        return ScopedValue.where(CURRENT, this).call(work::get);
    }

    public void run(Runnable work) {
        requireNoTransaction();
        ScopedValue.where(CURRENT, this).run(work);
    }

    /**
     * The scope is written when a transaction begins, so a scope bound inside a running transaction would
     * silently not apply (tenant work nested in platform work would see every tenant). Refuse it.
     */
    private static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Bind the database scope before the transaction starts, not inside it");
        }
    }
}
