package com.classentra.platform.outbox;

import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.OutboxEntry.Status;
import com.classentra.plugin.api.email.EmailAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way email leaves Classentra: {@link #enqueue} writes the rendered message in the caller's
 * transaction, so it exists exactly when the change that caused it committed; {@link OutboxDispatcher}
 * sends it later through the email slot. Administrators see the queue and retry dead letters.
 */
@Service
public class EmailOutbox {

    private final OutboxRepository outbox;
    private final EmailTemplates templates;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final OutboxBodies bodies;

    EmailOutbox(OutboxRepository outbox, EmailTemplates templates, PlatformScope platformScope, AuditLog audit, OutboxBodies bodies) {
        this.outbox = outbox;
        this.bodies = bodies;
        this.templates = templates;
        this.platformScope = platformScope;
        this.audit = audit;
    }

    /**
     * Queues an email; must run inside the transaction of the change that causes it. The bodies are stored
     * encrypted ({@link OutboxBodies}): a verification or reset link is a credential, and a copy of the table
     * must not hand it out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(EmailRequest request) {
        new EmailAddress(request.toAddress(), request.toName()); // refuses lists and line breaks before anything is stored
        EmailTemplates.Rendered rendered = templates.render(request.template(), request.locale(), request.variables());
        UUID id = UUID.randomUUID();
        outbox.insert(id, request, rendered.subject(), rendered.language(), bodies.seal(id, rendered.text(), rendered.html()));
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<OutboxEntry> recent(Status status, int limit) {
        return inPlatformScope(() -> outbox.recent(status, limit));
    }

    /** Sends a dead letter again; false when the row is not (or no longer) dead. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean retry(UUID id, UUID actor) {
        return platformScope.inTransaction(actor, "retry email", () -> {
            boolean requeued = outbox.requeue(id);
            if (requeued) {
                audit.record(null, actor, "outbox.email.retried", "email", id.toString(), Map.of());
            }
            return requeued;
        });
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> query) {
        return platformScope.inTransaction(null, "outbox read", () -> query.get());
    }
}
