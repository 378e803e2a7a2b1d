package com.classentra.platform.db;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to run work for a person or a workspace in a transaction of its own: the scope is bound first,
 * so the transaction hook writes it before the first statement and row-level security applies to all of it.
 * Operator and system work uses {@link PlatformScope#inTransaction} instead.
 */
@Component
public class ScopedTransactions {

    private final TransactionTemplate transactions;

    ScopedTransactions(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public <T> T in(DbScope scope, Supplier<T> work) {
        return scope.supply(() -> transactions.execute(status -> work.get()));
    }

    public void run(DbScope scope, Runnable work) {
        scope.run(() -> transactions.executeWithoutResult(status -> work.run()));
    }

    /**
     * As the person, inside their workspace when {@code tenantId} is given (a teacher), else as themself: the
     * scope of a person who is not signed in yet (sign-up, a signed link).
     */
    public <T> T asPerson(UUID tenantId, UUID userId, Supplier<T> work) {
        return in(tenantId == null ? DbScope.user(userId) : DbScope.tenant(tenantId, userId), work);
    }

    public void runAsPerson(UUID tenantId, UUID userId, Runnable work) {
        run(tenantId == null ? DbScope.user(userId) : DbScope.tenant(tenantId, userId), work);
    }

    /** As the person themself: their own rows, and what the policies share with them. */
    public <T> T asUser(UUID userId, Supplier<T> work) {
        return in(DbScope.user(userId), work);
    }

    public void runAsUser(UUID userId, Runnable work) {
        run(DbScope.user(userId), work);
    }
}
