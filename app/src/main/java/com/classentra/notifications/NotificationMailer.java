package com.classentra.notifications;

import com.classentra.db.jooq.tables.records.NotificationDigestRecord;
import com.classentra.db.jooq.tables.records.NotificationRecord;
import com.classentra.notifications.NotificationRepository.Outgoing;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.EnumColumn;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.text.Counted;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Emails notifications by their recipients' preferences, through two durable queues ({@link QueueDrain}). The
 * notification rows themselves: each is claimed and its preference applied (IMMEDIATE: an email through the outbox,
 * then SENT; DIGEST: waits for the daily digest; OFF: SKIPPED). And {@code notification_digest}: one row per person
 * whose digest is due, opened each morning. Suspended accounts and unconfirmed addresses get no email. Each row is
 * handled in a transaction of its own, so the outbox row and the new state commit together and a row that fails
 * (an address the outbox refuses) backs off and is given up alone, without holding up the others.
 */
@Component
class NotificationMailer {

    /** A digest lists at most this many notifications; the rest are one click away in the app. */
    static final int DIGEST_ITEMS = 30;
    private static final String SKIPPED = "SKIPPED";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final NotificationRepository notifications;
    private final EmailOutbox outbox;
    private final PlatformScope platformScope;
    private final ClassentraProperties properties;
    private final QueueDrain<NotificationRecord> emails;
    private final QueueDrain<NotificationDigestRecord> digests;

    NotificationMailer(NotificationRepository notifications, EmailOutbox outbox, PlatformScope platformScope, ClassentraProperties properties,
            DSLContext db, MeterRegistry meters,
            @Value("${classentra.notifications.max-attempts:10}") int maxAttempts,
            @Value("${classentra.notifications.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.notifications.max-retry:1h}") Duration maxRetry) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.platformScope = platformScope;
        this.properties = properties;
        RetryPolicy retries = new RetryPolicy(maxAttempts, firstRetry, maxRetry);
        this.emails = new QueueDrain<>("notification-email", NotificationRepository.EMAIL_QUEUE, retries, LEASE,
                row -> "notification " + row.getId() + " (" + EnumColumn.get(row, NotificationColumns.KIND) + ")", db, platformScope, meters);
        this.digests = new QueueDrain<>("notification-digest", NotificationRepository.DIGEST_QUEUE, retries, LEASE,
                row -> "digest of person " + row.getUserId(), db, platformScope, meters);
    }

    /** Applies the preference to the notifications due, until none is or the budget is spent; answers how many it handled. */
    int emailDue(int batchSize, Duration budget) {
        return emails.drain(batchSize, budget, row -> platformScope.inTransaction(null, "email a notification by preference", () -> {
            notifications.outgoing(row.getId()).ifPresent(n -> notifications.emailDone(List.of(n.id()), applyPreference(n)));
            return null;
        }));
    }

    private String applyPreference(Outgoing n) {
        // Read in the app while its email waited (a conversation the person was in): the email would be old news.
        if (!n.reachable() || n.read() && n.kind().emailWait().isPositive()) {
            return SKIPPED;
        }
        return switch (n.delivery()) {
            case IMMEDIATE -> {
                outbox.enqueue(immediate(n));
                yield QueueTable.SENT;
            }
            case DIGEST -> NotificationRepository.DIGEST;
            case OFF -> SKIPPED;
        };
    }

    /** Opens a digest for everyone with notifications waiting for one; {@link #sendDigestsDue} sends them. */
    int openDigests() {
        return platformScope.inTransaction(null, "open the daily notification digests", notifications::openDigests);
    }

    /** Sends one digest email per person whose digest is due, until none is or the budget is spent; answers how many it handled. */
    int sendDigestsDue(int batchSize, Duration budget) {
        return digests.drain(batchSize, budget, row -> platformScope.inTransaction(null, "send a notification digest", () -> {
            List<Outgoing> waiting = notifications.digestOf(row.getUserId());
            List<UUID> ids = waiting.stream().map(Outgoing::id).toList();
            if (!waiting.isEmpty() && waiting.getFirst().reachable()) {
                outbox.enqueue(digest(waiting));
                notifications.emailDone(ids, QueueTable.SENT);
            } else {
                notifications.emailDone(ids, SKIPPED);
            }
            notifications.digestSent(row.getUserId());
            return null;
        }));
    }

    private EmailRequest immediate(Outgoing n) {
        return new EmailRequest(n.tenantId(), n.userId(), n.email(), null, "notification", n.locale(), Map.of(
                "firstName", n.firstName(), "title", n.title(), "where", where(n),
                "link", properties.publicUrl() + n.link(), "settingsLink", settingsLink()));
    }

    /** Digests of several workspaces are platform email (no tenant); a single workspace's keep their tenant. */
    private EmailRequest digest(List<Outgoing> rows) {
        Outgoing first = rows.getFirst();
        boolean oneTenant = rows.stream().allMatch(r -> Objects.equals(r.tenantId(), first.tenantId()));
        String items = rows.stream().limit(DIGEST_ITEMS).map(r -> "• " + r.title() + " (" + where(r) + ")").collect(Collectors.joining("\n"));
        if (rows.size() > DIGEST_ITEMS) {
            items += "\n…and " + (rows.size() - DIGEST_ITEMS) + " more";
        }
        return new EmailRequest(oneTenant ? first.tenantId() : null, first.userId(), first.email(), null, "notification-digest", first.locale(),
                Map.of("firstName", first.firstName(), "count", Counted.of(rows.size(), "notification", "notifications"), "items", items,
                        "link", properties.publicUrl() + "/notifications", "settingsLink", settingsLink()));
    }

    private static String where(Outgoing n) {
        return n.courseTitle() == null ? "Classentra" : n.courseTitle();
    }

    private String settingsLink() {
        return properties.publicUrl() + "/settings";
    }
}
