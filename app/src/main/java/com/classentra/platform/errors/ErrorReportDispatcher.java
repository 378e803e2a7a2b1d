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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due error reports through the errors slot, one {@link QueueDrain} of {@code error_report} like the email
 * outbox: claimed in batches with a lease, retried with backoff on temporary failures, dead-lettered when permanent
 * or out of attempts. The row id is the report's event id, so a report resent after a lost answer is kept once by
 * the provider. While the slot has no provider the rows are left alone (the retention job removes them).
 */
@Component
public class ErrorReportDispatcher {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };

    private final ErrorReportRepository reports;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final JsonMapper json;
    private final QueueDrain<ErrorReportRecord> queue;

    ErrorReportDispatcher(ErrorReportRepository reports, SlotRegistry slots, PlatformScope platformScope,
            JsonMapper json, DSLContext db, MeterRegistry meters,
            @Value("${classentra.errors.max-attempts:8}") int maxAttempts,
            @Value("${classentra.errors.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.errors.max-retry:1h}") Duration maxRetry) {
        this.reports = reports;
        this.slots = slots;
        this.platformScope = platformScope;
        this.json = json;
        this.queue = new QueueDrain<>("error-report", ErrorReportRepository.QUEUE, new RetryPolicy(maxAttempts, firstRetry, maxRetry),
                LEASE, row -> "error report " + row.getId() + " (" + row.getExceptionType() + ")", db, platformScope, meters);
    }

    /** Sends what is due until nothing is or the budget is spent; returns how many rows were handled. */
    public int dispatchDue(int batchSize, Duration budget) {
        if (slots.activeProviderId(Slot.ERRORS) == null) {
            return 0;
        }
        return queue.drain(batchSize, budget, this::deliver);
    }

    private void deliver(ErrorReportRecord row) throws ProviderException {
        ErrorEvent event;
        try {
            event = event(row);
        } catch (RuntimeException e) {
            // A row that cannot be read back (its tags, say) can never be sent.
            throw new ProviderException(ProviderException.Kind.PERMANENT, "Cannot read the stored report: " + e.getMessage());
        }
        SlotRegistry.Served<Void> served = slots.serve(Slot.ERRORS, ErrorReporter.class, reporter -> {
            reporter.report(event);
            return null;
        });
        platformScope.inTransaction(null, "error report sent", () -> {
            reports.markSent(row.getId(), served.providerId());
            return null;
        });
    }

    private ErrorEvent event(ErrorReportRecord row) {
        Map<String, String> tags = new LinkedHashMap<>(json.readValue(row.getTags().data(), TAGS));
        tags.put("occurrences", String.valueOf(row.getOccurrences()));
        return new ErrorEvent(row.getId().toString(), row.getFirstSeenAt().toInstant(), row.getExceptionType(), row.getMessage(),
                Arrays.asList(row.getStackFrames()), row.getRelease(), tags);
    }
}
