package com.classentra.platform.outbox;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.outbox.OutboxEntry.Status;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends queued email through the email slot's active provider. Rows are claimed in small batches with a
 * lease; a row whose sender died is claimed again once the lease passes, and the row id is the provider's
 * idempotency key, so a resend after a crash is not a second email. Temporary failures back off
 * exponentially with jitter; permanent ones, and rows that used up their attempts, go to dead letter.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final MeterRegistry meters;
    private final EmailAddress from;
    private final RetryPolicy retries;
    private final OutboxBodies bodies;

    OutboxDispatcher(OutboxRepository outbox, SlotRegistry slots, PlatformScope platformScope, OutboxBodies bodies,
            MeterRegistry meters,
            @Value("${classentra.mail.from-address:noreply@classentra.local}") String fromAddress,
            @Value("${classentra.mail.from-name:Classentra}") String fromName,
            @Value("${classentra.outbox.max-attempts:10}") int maxAttempts,
            @Value("${classentra.outbox.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.outbox.max-retry:6h}") Duration maxRetry) {
        this.outbox = outbox;
        this.bodies = bodies;
        this.slots = slots;
        this.platformScope = platformScope;
        this.meters = meters;
        this.from = new EmailAddress(fromAddress, fromName);
        this.retries = new RetryPolicy(maxAttempts, firstRetry, maxRetry);
    }

    /**
     * Sends what is due, batch after batch, until nothing is due or the time budget is spent.
     *
     * @return how many rows were handled (sent, rescheduled or dead-lettered)
     */
    public int dispatchDue(int batchSize, Duration budget) {
        return QueueDrain.drain(() -> inPlatformScope(() -> outbox.claim(batchSize, LEASE)), this::deliver, budget);
    }

    private void deliver(EmailOutboxRecord row) {
        try {
            EmailMessage message = message(row);
            SlotRegistry.Served<SendReceipt> served = slots.serve(Slot.EMAIL, EmailSender.class, sender -> sender.send(message));
            inPlatformScope(() -> {
                outbox.markSent(row.getId(), served.providerId(), served.result().providerMessageId());
                return null;
            });
            count("sent");
        } catch (IllegalArgumentException | OutboxBodies.UnreadableBodyException e) {
            fail(row, new ProviderException(ProviderException.Kind.PERMANENT, "Cannot be sent: " + e.getMessage()));
        } catch (ProviderException e) {
            fail(row, e);
        }
    }

    private EmailMessage message(EmailOutboxRecord row) {
        OutboxBodies.Sealed sealed = new OutboxBodies.Sealed(row.getTextBody(), row.getHtmlBody());
        return new EmailMessage(row.getId().toString(), from, List.of(new EmailAddress(row.getToAddress(), row.getToName())),
                null, row.getSubject(), bodies.text(row.getId(), sealed), bodies.html(row.getId(), sealed), Map.of());
    }

    private void fail(EmailOutboxRecord row, ProviderException e) {
        boolean dead = retries.givesUp(e, row.getAttempts());
        OffsetDateTime next = OffsetDateTime.now().plus(retries.backoff(row.getAttempts()));
        inPlatformScope(() -> {
            outbox.markFailed(row.getId(), dead ? Status.DEAD : Status.PENDING, e.getMessage(), next);
            return null;
        });
        count(dead ? "dead" : "retry");
        if (dead) {
            log.warn("Email {} ({}) moved to dead letter after {} attempt(s): {}", row.getId(), row.getTemplate(), row.getAttempts(), e.getMessage());
        }
    }

    /** 30 s, 1 min, 2 min, ... capped at 6 h by default (see {@link RetryPolicy}). */
    Duration backoff(int attempts) {
        return retries.backoff(attempts);
    }

    private void count(String outcome) {
        Counter.builder("classentra.outbox.dispatched").description("Outbox deliveries by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> work) {
        return platformScope.inTransaction(null, "email dispatch", work);
    }
}
