package com.classentra.notifications;

import com.classentra.notifications.NotificationRepository.Outgoing;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Emails notifications by their recipients' preferences. The notification row is its own job queue: the
 * mailer claims PENDING rows and applies the preference (IMMEDIATE: an email through the outbox, then SENT;
 * DIGEST: waits for the daily digest; OFF: SKIPPED). Suspended accounts and unconfirmed addresses get no
 * email. Each batch is one transaction, so the outbox row and the new state commit together.
 */
@Component
class NotificationMailer {

    /** A digest lists at most this many notifications; the rest are one click away in the app. */
    static final int DIGEST_ITEMS = 30;

    private final NotificationRepository notifications;
    private final EmailOutbox outbox;
    private final PlatformScope platformScope;
    private final ClassentraProperties properties;

    NotificationMailer(NotificationRepository notifications, EmailOutbox outbox, PlatformScope platformScope, ClassentraProperties properties) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.platformScope = platformScope;
        this.properties = properties;
    }

    /** Applies the preference to up to {@code limit} pending notifications; answers how many it handled. */
    int emailPending(int limit) {
        return platformScope.inTransaction(null, "email notifications of every workspace by preference", () -> {
            List<Outgoing> pending = notifications.claim("PENDING", limit);
            Map<String, List<UUID>> byState = new LinkedHashMap<>();
            for (Outgoing n : pending) {
                String state = !n.reachable() ? "SKIPPED" : switch (n.delivery()) {
                    case IMMEDIATE -> {
                        outbox.enqueue(immediate(n));
                        yield "SENT";
                    }
                    case DIGEST -> "DIGEST";
                    case OFF -> "SKIPPED";
                };
                byState.computeIfAbsent(state, s -> new ArrayList<>()).add(n.id());
            }
            byState.forEach((state, ids) -> notifications.setEmailState(ids, state));
            return pending.size();
        });
    }

    /** Sends one digest email per person for up to {@code people} people; answers how many people it handled. */
    int sendDigests(int people) {
        return platformScope.inTransaction(null, "daily notification digests of every workspace", () -> {
            Map<UUID, List<Outgoing>> byPerson = notifications.claimDigests(people).stream()
                    .collect(Collectors.groupingBy(Outgoing::userId, LinkedHashMap::new, Collectors.toList()));
            for (List<Outgoing> rows : byPerson.values()) {
                List<UUID> ids = rows.stream().map(Outgoing::id).toList();
                if (rows.getFirst().reachable()) {
                    outbox.enqueue(digest(rows));
                    notifications.setEmailState(ids, "SENT");
                } else {
                    notifications.setEmailState(ids, "SKIPPED");
                }
            }
            return byPerson.size();
        });
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
                Map.of("firstName", first.firstName(), "count", String.valueOf(rows.size()), "items", items,
                        "link", properties.publicUrl() + "/notifications", "settingsLink", settingsLink()));
    }

    private static String where(Outgoing n) {
        return n.courseTitle() == null ? "Classentra" : n.courseTitle();
    }

    private String settingsLink() {
        return properties.publicUrl() + "/settings";
    }
}
