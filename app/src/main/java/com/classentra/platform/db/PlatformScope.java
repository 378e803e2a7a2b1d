package com.classentra.platform.db;

import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The explicit path to every tenant's rows, for operator work (tenant list, plugin switches, audit
 * review) and system jobs. Callers name the actor and the reason; the change itself is audited by the
 * service that makes it.
 */
@Component
public class PlatformScope {

    private static final Logger log = LoggerFactory.getLogger(PlatformScope.class);

    private final TransactionTemplate transactions;

    PlatformScope(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * @param actorUserId the administrator acting, or null for a system job
     * @param reason      short description for the log, e.g. "switch email provider"
     */
    public <T> T call(UUID actorUserId, String reason, Supplier<T> work) {
        log.debug("Platform scope for {} by {}", reason, actorUserId == null ? "system" : actorUserId);
        return DbScope.platform(actorUserId).supply(work);
    }

    /** Like {@link #call}, with the work in a transaction (the caller's, when one is running), as RLS writes need. */
    public <T> T inTransaction(UUID actorUserId, String reason, Supplier<T> work) {
        return call(actorUserId, reason, () -> transactions.execute(status -> work.get()));
    }
}
