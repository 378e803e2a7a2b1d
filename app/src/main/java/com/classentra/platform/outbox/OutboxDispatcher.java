package com.classentra.platform.outbox;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends queued email through the email slot's active provider, one {@link QueueDrain} of {@code email_outbox}: rows
 * are claimed in small batches with a lease; a row whose sender died is claimed again once the lease passes, and the
 * row id is the provider's idempotency key, so a resend after a crash is not a second email. Temporary failures back
 * off exponentially with jitter; permanent ones, and rows that used up their attempts, go to dead letter.
 */
@Component
public class OutboxDispatcher {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final EmailAddress from;
    private final RetryPolicy retries;
    private final OutboxBodies bodies;
    private final QueueDrain<EmailOutboxRecord> queue;

    OutboxDispatcher(OutboxRepository outbox, SlotRegistry slots, PlatformScope platformScope, OutboxBodies bodies,
            DSLContext db, MeterRegistry meters,
            @Value("${classentra.mail.from-address:noreply@classentra.local}") String fromAddress,
            @Value("${classentra.mail.from-name:Classentra}") String fromName,
            @Value("${classentra.outbox.max-attempts:10}") int maxAttempts,
            @Value("${classentra.outbox.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.outbox.max-retry:6h}") Duration maxRetry) {
        this.outbox = outbox;
        this.bodies = bodies;
        this.slots = slots;
        this.platformScope = platformScope;
        this.from = new EmailAddress(fromAddress, fromName);
        this.retries = new RetryPolicy(maxAttempts, firstRetry, maxRetry);
        this.queue = new QueueDrain<>("email-outbox", OutboxRepository.QUEUE, retries, LEASE,
                row -> "email " + row.getId() + " (" + row.getTemplate() + ")", db, platformScope, meters);
    }

    /**
     * Sends what is due, batch after batch, until nothing is due or the time budget is spent.
     *
     * @return how many rows were handled (sent, rescheduled or dead-lettered)
     */
    public int dispatchDue(int batchSize, Duration budget) {
        return queue.drain(batchSize, budget, this::deliver);
    }

    private void deliver(EmailOutboxRecord row) throws ProviderException {
        EmailMessage message;
        try {
            message = message(row);
        } catch (IllegalArgumentException | OutboxBodies.UnreadableBodyException e) {
            throw new ProviderException(ProviderException.Kind.PERMANENT, "Cannot be sent: " + e.getMessage());
        }
        SlotRegistry.Served<SendReceipt> served = slots.serve(Slot.EMAIL, EmailSender.class, sender -> sender.send(message));
        platformScope.inTransaction(null, "email sent", () -> {
            outbox.markSent(row.getId(), served.providerId(), served.result().providerMessageId());
            return null;
        });
    }

    private EmailMessage message(EmailOutboxRecord row) {
        OutboxBodies.Sealed sealed = new OutboxBodies.Sealed(row.getTextBody(), row.getHtmlBody());
        return new EmailMessage(row.getId().toString(), from, List.of(new EmailAddress(row.getToAddress(), row.getToName())),
                null, row.getSubject(), bodies.text(row.getId(), sealed), bodies.html(row.getId(), sealed), Map.of());
    }

    /** 30 s, 1 min, 2 min, ... capped at 6 h by default (see {@link RetryPolicy}). */
    Duration backoff(int attempts) {
        return retries.backoff(attempts);
    }
}
