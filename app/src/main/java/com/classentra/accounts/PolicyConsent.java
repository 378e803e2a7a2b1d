package com.classentra.accounts;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyKind;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A signed-in person accepting the current version of legal documents, recorded and audited together. */
@Service
public class PolicyConsent {

    private final PolicyDocuments documents;
    private final AuditLog audit;
    private final ScopedTransactions scoped;

    PolicyConsent(PolicyDocuments documents, AuditLog audit, ScopedTransactions scoped) {
        this.documents = documents;
        this.audit = audit;
        this.scoped = scoped;
    }

    public void accept(UUID userId, Collection<PolicyKind> kinds) {
        scoped.runAsUser(userId, () -> {
            documents.accept(userId, kinds);
            audit.record(null, userId, "account.policies_accepted", "user", userId.toString(),
                    Map.of("documents", kinds.stream().map(k -> k.name() + " v" + documents.current(k).version()).toList()));
        });
    }
}
