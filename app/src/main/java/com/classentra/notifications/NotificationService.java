package com.classentra.notifications;

import com.classentra.platform.security.SignedInUser;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Record1;
import org.jooq.Select;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import com.classentra.platform.db.ScopedTransactions;

/**
 * In-app notifications and their email preferences. Other features notify from inside their own transaction
 * (the {@code notify*} methods refuse to run without one), so a notification exists exactly when its cause
 * committed; open screens hear about it after that commit. Email follows each person's preference later,
 * through {@link NotificationMailer} and the outbox. Reading and marking run in the reader's own scope: row-level
 * security shows a person only their own notifications.
 */
@Service
public class NotificationService {

    /** Longest title the table takes; longer titles are shortened rather than refused. */
    static final int MAX_TITLE = 300;

    private final NotificationRepository notifications;
    private final NotificationBroadcaster broadcaster;
    private final ScopedTransactions scoped;

    NotificationService(NotificationRepository notifications, NotificationBroadcaster broadcaster, ScopedTransactions scoped) {
        this.notifications = notifications;
        this.broadcaster = broadcaster;
        this.scoped = scoped;
    }

    /** Stops telling a screen about changes; call when it closes. */
    public interface Subscription {
        void cancel();
    }

    /** Notifies every actively enrolled student of the course; runs in the teacher's tenant scope. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyCourseStudents(UUID tenantId, UUID courseId, NotificationKind kind, String title, String link) {
        insert(notifications.activeStudents(tenantId, courseId), tenantId, courseId, kind, title, link, null);
    }

    /**
     * Tells the teachers of the course (the members of its workspace) what a student did; may run in the scope of a
     * student actively enrolled in it, e.g. for a new submission. The title names the student, so the notification is
     * also about them ({@code about}) and goes when their account is deleted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyCourseTeachers(UUID tenantId, UUID courseId, NotificationKind kind, String title, String link, UUID about) {
        insert(notifications.teachers(tenantId, courseId), tenantId, courseId, kind, title, link, about);
    }

    /** Notifies one person; {@code courseId} may be null. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyUser(UUID userId, UUID tenantId, UUID courseId, NotificationKind kind, String title, String link) {
        insert(notifications.single(userId), tenantId, courseId, kind, title, link, null);
    }

    /**
     * Tells these people what another person did (wrote to them, mentioned them); the title names that person
     * ({@code about}), so the notifications go when their account is deleted. A {@link NotificationKind#MESSAGE} that
     * already waits unread for the same link is not repeated.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyPeople(Collection<UUID> recipients, UUID tenantId, UUID courseId, NotificationKind kind, String title, String link, UUID about) {
        for (UUID recipient : recipients) {
            insert(notifications.single(recipient), tenantId, courseId, kind, title, link, about);
        }
    }

    private void insert(Select<Record1<UUID>> recipients, UUID tenantId, UUID courseId, NotificationKind kind, String title, String link, UUID about) {
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("A notification links to a path of this application, such as /courses/<id>");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A notification needs a title");
        }
        String shown = title.strip();
        if (shown.length() > MAX_TITLE) {
            shown = shown.substring(0, MAX_TITLE - 1) + "…";
        }
        broadcaster.announceAfterCommit(notifications.insert(recipients, tenantId, courseId, kind, shown, link, about));
    }

    /** Whether any kind of notification concerns this person (teachers and students; not operator-only accounts). */
    public boolean reaches(SignedInUser person) {
        return Arrays.stream(NotificationKind.values()).anyMatch(kind -> kind.concerns(person));
    }

    public int unreadCount(SignedInUser reader) {
        return asReader(reader, () -> notifications.unreadCount(reader.id()));
    }

    /** The newest notifications, read or not. */
    public List<Notification> latest(SignedInUser reader, int limit) {
        return page(reader, 0, limit);
    }

    public List<Notification> page(SignedInUser reader, int offset, int limit) {
        return asReader(reader, () -> notifications.latest(reader.id(), offset, limit));
    }

    public int total(SignedInUser reader) {
        return asReader(reader, () -> notifications.total(reader.id()));
    }

    /**
     * Marks one of the reader's notifications read; another person's is simply not found. The reader's other
     * screens (tabs, devices) hear about it, so their badges agree.
     */
    public void markRead(SignedInUser reader, UUID notificationId) {
        asReader(reader, () -> {
            if (notifications.markRead(reader.id(), notificationId)) {
                broadcaster.announceAfterCommit(List.of(reader.id()));
            }
            return null;
        });
    }

    /** Marks read the reader's notifications that lead to {@code link}, a page they have just seen (a conversation). */
    public void markReadLinked(SignedInUser reader, String link) {
        asReader(reader, () -> {
            if (notifications.markReadLinked(reader.id(), link) > 0) {
                broadcaster.announceAfterCommit(List.of(reader.id()));
            }
            return null;
        });
    }

    public void markAllRead(SignedInUser reader) {
        asReader(reader, () -> {
            if (notifications.markAllRead(reader.id()) > 0) {
                broadcaster.announceAfterCommit(List.of(reader.id()));
            }
            return null;
        });
    }

    /** The reader's email delivery for every kind, the default where they never chose. */
    public Map<NotificationKind, EmailDelivery> emailPreferences(SignedInUser reader) {
        Map<NotificationKind, EmailDelivery> chosen = asReader(reader, () -> notifications.preferences(reader.id()));
        Map<NotificationKind, EmailDelivery> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, chosen.getOrDefault(kind, EmailDelivery.DEFAULT));
        }
        return all;
    }

    public void setEmailPreference(SignedInUser reader, NotificationKind kind, EmailDelivery delivery) {
        asReader(reader, () -> {
            notifications.setPreference(reader.id(), kind, delivery);
            return null;
        });
    }

    /** Calls {@code onChange} (on another thread) whenever this person's notifications may have changed. */
    public Subscription subscribe(UUID userId, Runnable onChange) {
        return broadcaster.subscribe(userId, onChange);
    }

    /** Teachers read in their workspace's scope too, so their notifications show the titles of their courses. */
    private <T> T asReader(SignedInUser reader, Supplier<T> work) {
        return scoped.in(reader.dbScope(), work);
    }
}
