package com.classentra.platform.outbox;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.db.PlatformScope;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final EmailAddress from;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;

    OutboxDispatcher(OutboxRepository outbox, SlotRegistry slots, PlatformScope platformScope, TransactionTemplate transactions,
            MeterRegistry meters,
            @Value("${classentra.mail.from-address:noreply@classentra.local}") String fromAddress,
            @Value("${classentra.mail.from-name:Classentra}") String fromName,
            @Value("${classentra.outbox.max-attempts:10}") int maxAttempts,
            @Value("${classentra.outbox.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.outbox.max-retry:6h}") Duration maxRetry) {
        this.outbox = outbox;
        this.slots = slots;
        this.platformScope = platformScope;
        this.transactions = transactions;
        this.meters = meters;
        this.from = new EmailAddress(fromAddress, fromName);
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /**
     * Sends what is due, batch after batch, until nothing is due or the time budget is spent.
     *
     * @return how many rows were handled (sent, rescheduled or dead-lettered)
     */
    public int dispatchDue(int batchSize, Duration budget) {
        Instant stop = Instant.now().plus(budget);
        int handled = 0;
        while (Instant.now().isBefore(stop)) {
            List<EmailOutboxRecord> batch = inPlatformScope(() -> outbox.claim(batchSize, LEASE));
            if (batch.isEmpty()) {
                break;
            }
            for (EmailOutboxRecord row : batch) {
                deliver(row);
                handled++;
            }
        }
        return handled;
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
        } catch (IllegalArgumentException e) {
            fail(row, new ProviderException(ProviderException.Kind.PERMANENT, "Cannot be sent: " + e.getMessage()));
        } catch (ProviderException e) {
            fail(row, e);
        }
    }

    private EmailMessage message(EmailOutboxRecord row) {
        return new EmailMessage(row.getId().toString(), from, List.of(new EmailAddress(row.getToAddress(), row.getToName())),
                null, row.getSubject(), row.getTextBody(), row.getHtmlBody(), Map.of());
    }

    private void fail(EmailOutboxRecord row, ProviderException e) {
        boolean dead = e.kind() == ProviderException.Kind.PERMANENT || row.getAttempts() >= maxAttempts;
        OffsetDateTime next = OffsetDateTime.now().plus(backoff(row.getAttempts()));
        inPlatformScope(() -> {
            outbox.markFailed(row.getId(), dead ? Status.DEAD : Status.PENDING, e.getMessage(), next);
            return null;
        });
        count(dead ? "dead" : "retry");
        if (dead) {
            log.warn("Email {} ({}) moved to dead letter after {} attempt(s): {}", row.getId(), row.getTemplate(), row.getAttempts(), e.getMessage());
        }
    }

    /** 30 s, 1 min, 2 min, ... capped at 6 h, each with up to 20% random spread so retries do not bunch up. */
    Duration backoff(int attempts) {
        long base = firstRetry.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, maxRetry.toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    private void count(String outcome) {
        Counter.builder("classentra.outbox.dispatched").description("Outbox deliveries by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> work) {
        return platformScope.call(null, "email dispatch", () -> transactions.execute(status -> work.get()));
    }
}
