package com.classentra.platform.webhooks;

import com.classentra.db.jooq.tables.records.WebhookInboxRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.plugin.api.ProviderException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies stored webhooks, oldest first, through the handler of their slot: the {@code webhook-inbox} queue, retried
 * with backoff and given up (DEAD, shown to the administrator) when an event can never apply. A row becomes SENT only
 * once its handler returned, so an event is applied at least once; handlers make the repeats change nothing.
 */
@Component
public class WebhookProcessor {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookInbox inbox;
    private final WebhookInboxRepository rows;
    private final PlatformScope platformScope;
    private final JsonMapper json;
    private final QueueDrain<WebhookInboxRecord> queue;

    WebhookProcessor(WebhookInbox inbox, WebhookInboxRepository rows, PlatformScope platformScope, JsonMapper json, DSLContext db,
            MeterRegistry meters, @Value("${classentra.webhooks.max-attempts:12}") int maxAttempts,
            @Value("${classentra.webhooks.first-retry:10s}") Duration firstRetry,
            @Value("${classentra.webhooks.max-retry:1h}") Duration maxRetry) {
        this.inbox = inbox;
        this.rows = rows;
        this.platformScope = platformScope;
        this.json = json;
        this.queue = new QueueDrain<>("webhook-inbox", WebhookInboxRepository.QUEUE, new RetryPolicy(maxAttempts, firstRetry, maxRetry), LEASE,
                row -> row.getSlot() + " webhook " + row.getEventId() + " (" + row.getEventType() + ") from " + row.getProviderId(),
                db, platformScope, meters);
    }

    /** Applies the due events until none is or the budget is spent; returns how many were handled. */
    public int processDue(int batchSize, Duration budget) {
        return queue.drain(batchSize, budget, row -> {
            WebhookHandler handler = inbox.handler(row.getSlot());
            if (handler == null) {
                throw new ProviderException(ProviderException.Kind.PERMANENT, "No feature takes " + row.getSlot() + " webhooks any more");
            }
            handler.apply(row.getProviderId(), json.readTree(row.getEvent().data()));
            platformScope.inTransaction(null, "webhook applied", () -> {
                rows.processed(row.getId());
                return null;
            });
        });
    }
}
