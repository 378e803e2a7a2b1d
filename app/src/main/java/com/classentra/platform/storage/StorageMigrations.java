package com.classentra.platform.storage;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.SlotChange;
import com.classentra.platform.plugins.SlotChangeListener;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.Slot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a storage migration whenever a change of the storage slot moves the data (another provider, or another
 * bucket or directory), and tells every node whether one is running so
 * that reads can fall back to the former provider. While a copy runs the slot cannot change again: two copies
 * at once could leave an object only where neither provider looks.
 */
@Service
public class StorageMigrations implements SlotChangeListener {

    private final StorageMigrationRepository migrations;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final ClassentraProperties properties;
    private final SlotRegistry slots;
    /** The running migration's source as this node last read it; re-read like the slot settings. */
    private volatile Cached cached;

    StorageMigrations(StorageMigrationRepository migrations, PlatformScope platformScope, AuditLog audit,
            ClassentraProperties properties, SlotRegistry slots) {
        this.migrations = migrations;
        this.platformScope = platformScope;
        this.audit = audit;
        this.properties = properties;
        this.slots = slots;
    }

    @Override
    public Optional<String> refusal(SlotChange change) {
        // Settings that keep the data where it is (new credentials, a timeout) may change during a copy.
        if (change.slot() != Slot.STORAGE || !change.dataMoves()) {
            return Optional.empty();
        }
        return running().map(m -> "Files are still being copied from '" + m.source().providerId() + "' to '" + m.targetProviderId()
                + "' (" + m.settled() + " of " + m.listed() + (m.listingDone() ? "" : "+") + " objects done"
                + (m.failing() > 0 ? ", " + m.failing() + " failing" : "")
                + "). File storage can change again once the copy is complete.");
    }

    @Override
    public void changed(StoredSlot previous, String newProviderId, long newVersion, boolean dataMoves, UUID actor) {
        if (previous.slot() != Slot.STORAGE || previous.providerId() == null) {
            return;
        }
        Optional<StorageMigration> running = migrations.running();
        if (dataMoves) {
            // Should another copy have started meanwhile, the unique index refuses this one and the change rolls back.
            migrations.insert(UUID.randomUUID(), previous, newProviderId, newVersion, actor);
        } else if (running.isPresent()) {
            // The copy's target was reconfigured in place (new credentials, say): copy on with its new settings.
            migrations.retarget(running.get().id(), newVersion);
        } else {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cached = null;
            }
        });
    }

    /** The running migration, read in platform scope so its failures are counted; empty when none runs. */
    public Optional<StorageMigration> running() {
        return inPlatformScope(migrations::running);
    }

    /** The latest migrations, newest first, for the console. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<StorageMigration> recent(int limit) {
        return inPlatformScope(() -> migrations.recent(limit));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<StorageMigration.FailedCopy> failures(UUID migrationId, int limit) {
        return inPlatformScope(() -> migrations.failures(migrationId, limit));
    }

    /**
     * The former provider that still holds objects not yet copied, when a migration runs. Cached for the
     * slot-state refresh interval, as file reads ask on every download; {@code fresh} reads it now, for a miss
     * that another node's switch may explain.
     */
    Optional<StoredSlot> fallbackSource(boolean fresh) {
        Cached current = cached;
        if (fresh || current == null || current.readAt.plus(properties.plugins().stateRefresh()).isBefore(Instant.now())) {
            Cached previous = current;
            current = new Cached(migrations.running().map(StorageMigration::source), Instant.now());
            cached = current;
            // Every node holds the former provider while the copy runs; the one that finished or abandoned it is not
            // the only one to let it go.
            if (previous != null && previous.source.isPresent() && !previous.source.equals(current.source)) {
                slots.releaseDetached(previous.source.get());
            }
        }
        return current.source;
    }

    /**
     * Tries the migration's given-up copies again, each with a fresh attempt budget, once an administrator has fixed
     * their cause; returns how many.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int retryGivenUp(UUID migrationId, UUID actor) {
        return platformScope.inTransaction(actor, "retry given-up storage copies", () -> {
            int requeued = migrations.requeueGivenUp(migrationId);
            if (requeued > 0) {
                audit.record(null, actor, "storage.migration.copies.retried", "storage_migration", migrationId.toString(),
                        Map.of("copies", requeued));
            }
            return requeued;
        });
    }

    /**
     * Gives up on a migration whose former provider cannot be read any more. Objects not copied stay only at the
     * former provider: the audit entry records how many, reads stop falling back to it, and its failed copies are
     * dropped.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean abandon(UUID migrationId, UUID actor) {
        boolean abandoned = platformScope.inTransaction(actor, "abandon storage migration", () -> {
            Optional<StorageMigration> running = migrations.running().filter(m -> m.id().equals(migrationId));
            running.ifPresent(m -> {
                migrations.finish(m.id(), StorageMigration.Status.ABANDONED);
                migrations.forgetFailures(m.id());
                slots.releaseDetached(m.source());
                audit.record(null, actor, "storage.migration.abandoned", "storage_migration", m.id().toString(),
                        Map.of("from", m.source().providerId(), "to", m.targetProviderId(), "listed", m.listed(),
                                "settled", m.settled(), "failing", m.failing(), "listingDone", m.listingDone()));
            });
            return running.isPresent();
        });
        cached = null;
        return abandoned;
    }

    void forget() {
        cached = null;
    }

    private <T> T inPlatformScope(java.util.function.Supplier<T> work) {
        return platformScope.inTransaction(null, "storage migration", work);
    }

    private record Cached(Optional<StoredSlot> source, Instant readAt) {
    }
}
