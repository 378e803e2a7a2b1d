package com.classentra.platform.errors;

import com.classentra.db.jooq.tables.records.ErrorReportRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.errors.ErrorEvent;
import com.classentra.plugin.api.errors.ErrorReporter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due error reports through the errors slot, like the email outbox sends email: claimed in batches with a
 * lease, retried with backoff on temporary failures, dead-lettered when permanent or out of attempts. The row id
 * is the report's event id, so a report resent after a lost answer is kept once by the provider. While the slot
 * has no provider the rows are left alone (the retention job removes them).
 */
@Component
public class ErrorReportDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private final ErrorReportRepository reports;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final RetryPolicy retries;

    ErrorReportDispatcher(ErrorReportRepository reports, SlotRegistry slots, PlatformScope platformScope,
            JsonMapper json, MeterRegistry meters,
            @Value("${classentra.errors.max-attempts:8}") int maxAttempts,
            @Value("${classentra.errors.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.errors.max-retry:1h}") Duration maxRetry) {
        this.reports = reports;
        this.slots = slots;
        this.platformScope = platformScope;
        this.json = json;
        this.meters = meters;
        this.retries = new RetryPolicy(maxAttempts, firstRetry, maxRetry);
    }

    /** Sends what is due until nothing is or the budget is spent; returns how many rows were handled. */
    public int dispatchDue(int batchSize, Duration budget) {
        if (slots.activeProviderId(Slot.ERRORS) == null) {
            return 0;
        }
        return QueueDrain.drain(() -> inPlatformScope(() -> reports.claim(batchSize, LEASE)), this::deliver, budget);
    }

    private void deliver(ErrorReportRecord row) {
        ErrorEvent event;
        try {
            event = event(row);
        } catch (RuntimeException e) {
            // A row that cannot be read back (its tags, say) would otherwise be claimed again after every lease.
            failed(row, new ProviderException(ProviderException.Kind.PERMANENT, "Cannot read the stored report: " + e.getMessage()));
            return;
        }
        try {
            SlotRegistry.Served<Void> served = slots.serve(Slot.ERRORS, ErrorReporter.class, reporter -> {
                reporter.report(event);
                return null;
            });
            inPlatformScope(() -> {
                reports.markSent(row.getId(), served.providerId());
                return null;
            });
            ErrorCapture.count(meters, "sent");
        } catch (ProviderException e) {
            failed(row, e);
        }
    }

    private void failed(ErrorReportRecord row, ProviderException e) {
        boolean dead = retries.givesUp(e, row.getAttempts());
        OffsetDateTime next = OffsetDateTime.now().plus(retries.backoff(row.getAttempts()));
        inPlatformScope(() -> {
            reports.markFailed(row.getId(), dead, e.getMessage(), next);
            return null;
        });
        ErrorCapture.count(meters, dead ? "dead" : "retry");
        if (dead) {
            log.warn("Error report {} ({}) moved to dead letter after {} attempt(s): {}", row.getId(), row.getExceptionType(),
                    row.getAttempts(), e.getMessage());
        }
    }

    private ErrorEvent event(ErrorReportRecord row) {
        Map<String, String> tags = new LinkedHashMap<>(json.readValue(row.getTags().data(), TAGS));
        tags.put("occurrences", String.valueOf(row.getOccurrences()));
        return new ErrorEvent(row.getId().toString(), row.getFirstSeenAt().toInstant(), row.getExceptionType(), row.getMessage(),
                Arrays.asList(row.getStackFrames()), row.getRelease(), tags);
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> work) {
        return platformScope.inTransaction(null, "error report dispatch", work);
    }
}
