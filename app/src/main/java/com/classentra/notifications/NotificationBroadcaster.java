package com.classentra.notifications;

import com.classentra.platform.db.PlatformScope;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the open screens of a person on this node that their notifications changed. Changes made here are
 * announced after their transaction commits (a rolled-back cause announces nothing); changes made on another
 * node are found by a periodic check of the subscribers' unread counts, one query per node.
 */
@Component
class NotificationBroadcaster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationBroadcaster.class);

    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> lastUnread = new ConcurrentHashMap<>();
    private final NotificationRepository notifications;
    private final PlatformScope platformScope;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("notification-refresh").daemon().factory());

    NotificationBroadcaster(NotificationRepository notifications, PlatformScope platformScope, @Value("${classentra.notifications.refresh-interval:20s}") Duration refreshInterval) {
        this.notifications = notifications;
        this.platformScope = platformScope;
        refresher.scheduleWithFixedDelay(this::announceChangesFromOtherNodes, refreshInterval.toMillis(), refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    NotificationService.Subscription subscribe(UUID userId, Runnable onChange) {
        listeners.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> listeners.computeIfPresent(userId, (id, current) -> {
            current.remove(onChange);
            if (current.isEmpty()) {
                lastUnread.remove(id);
                return null;
            }
            return current;
        });
    }

    /** Announces the change once the current transaction has committed. */
    void announceAfterCommit(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<UUID> recipients = List.copyOf(userIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announce(recipients);
            }
        });
    }

    /**
     * Listeners run on their own virtual thread: the caller's transaction is still bound to the committing
     * thread, and a person's screens should not slow down whoever caused the change.
     */
    private void announce(Collection<UUID> userIds) {
        List<Runnable> due = userIds.stream().flatMap(id -> listeners.getOrDefault(id, Set.of()).stream()).toList();
        if (!due.isEmpty()) {
            Thread.ofVirtual().name("notification-announce").start(() -> due.forEach(this::runSafely));
        }
    }

    private void runSafely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("A notification listener failed", e);
        }
    }

    private void announceChangesFromOtherNodes() {
        try {
            Set<UUID> subscribers = Set.copyOf(listeners.keySet());
            if (subscribers.isEmpty()) {
                return;
            }
            Map<UUID, Integer> unread = platformScope.inTransaction(null, "unread counts of people with the app open on this node",
                    () -> notifications.unreadCounts(subscribers));
            List<UUID> changed = subscribers.stream()
                    .filter(id -> {
                        Integer now = unread.getOrDefault(id, 0);
                        Integer before = lastUnread.put(id, now);
                        return before != null && !before.equals(now);
                    })
                    .toList();
            announce(changed);
        } catch (RuntimeException e) {
            log.warn("Checking for notifications from other nodes failed; trying again at the next interval", e);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
