package com.classentra.platform.jobs;

import com.classentra.platform.db.PlatformScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * What every durable queue reports, tagged with its name ({@code queue}): its lag, the age of the oldest row not yet
 * done ({@code classentra_queue_oldest_waiting_seconds}); its rows waiting, in work and given up
 * ({@code classentra_queue_rows{status=pending|sending|dead}}); and what became of each row handled
 * ({@code classentra_queue_handled_total{outcome=done|retry|dead}}). Done rows are not counted in the gauges: some
 * queues keep them for ever (notifications), and the counter says how many went through.
 */
final class QueueMetrics {

    enum Outcome { DONE, RETRY, DEAD }

    private static final List<String> GAUGED = List.of(QueueTable.PENDING, QueueTable.SENDING, QueueTable.DEAD);

    private final Map<Outcome, Counter> handled = new EnumMap<>(Outcome.class);

    QueueMetrics(String queue, QueueTable<?> table, DSLContext db, PlatformScope platformScope, MeterRegistry meters) {
        Gauge.builder("classentra.queue.oldest.waiting", read(platformScope, () -> table.oldestWaiting(db).toMillis() / 1000.0))
                .description("Age of the oldest row of a durable queue not yet done (the queue's lag)")
                .tag("queue", queue)
                .baseUnit("seconds")
                .register(meters);
        for (String status : GAUGED) {
            Gauge.builder("classentra.queue.rows", read(platformScope, () -> table.count(db, status)))
                    .description("Rows of a durable queue waiting (pending), being handled (sending) or given up (dead)")
                    .tag("queue", queue)
                    .tag("status", status.toLowerCase())
                    .register(meters);
        }
        for (Outcome outcome : Outcome.values()) {
            handled.put(outcome, Counter.builder("classentra.queue.handled")
                    .description("Rows of a durable queue handled: done, failed and due again later (retry), or given up (dead)")
                    .tag("queue", queue)
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
    }

    void count(Outcome outcome) {
        handled.get(outcome).increment();
    }

    private static Supplier<Number> read(PlatformScope platformScope, Supplier<Number> query) {
        return () -> platformScope.inTransaction(null, "queue metrics", query);
    }
}
