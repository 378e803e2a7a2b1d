package com.classentra.platform.storage;

import com.classentra.db.jooq.tables.records.StorageMigrationFailureRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.platform.storage.StorageMigrationRepository.Tally;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Copies the objects of a running storage migration, a page at a time: each object is read from the former
 * provider, written to the new one and verified there (size, and SHA-256 against the source's checksum and
 * the bytes read). A failed copy is recorded in a durable queue ({@link QueueDrain}) and tried again with backoff,
 * with no transaction open while the providers work, until it succeeds or is given up after its attempts; the
 * migration is done only when the listing is complete and no failure remains (a given-up copy waits for an
 * administrator), and only then do reads stop falling back.
 */
@Component
class StorageCopier {

    private static final Logger log = LoggerFactory.getLogger(StorageCopier.class);
    /** Long enough for a large object's copy; the job runs on one node at a time, so only a node that died loses it. */
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final StorageMigrationRepository migrations;
    private final StorageMigrations state;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final MeterRegistry meters;
    private final int pageSize;
    private final RetryPolicy retries;
    private final QueueDrain<StorageMigrationFailureRecord> failedCopies;
    /** How long after a switch the copy waits before it lists the former provider. */
    private final Duration settleTime;
    /** The job runs once at a time across nodes; this keeps a direct call on the same node from overlapping it. */
    private final ReentrantLock stepping = new ReentrantLock();

    StorageCopier(StorageMigrationRepository migrations, StorageMigrations state, SlotRegistry slots, PlatformScope platformScope, AuditLog audit,
            DSLContext db, MeterRegistry meters,
            @Value("${classentra.storage-migration.page-size:100}") int pageSize,
            @Value("${classentra.storage-migration.max-attempts:20}") int maxAttempts,
            @Value("${classentra.storage-migration.first-retry:30s}") Duration firstRetry,
            @Value("${classentra.storage-migration.max-retry:1h}") Duration maxRetry,
            @Value("${classentra.storage-migration.settle-time:#{null}}") Duration settleTime, ClassentraProperties properties) {
        this.migrations = migrations;
        this.state = state;
        this.slots = slots;
        this.platformScope = platformScope;
        this.audit = audit;
        this.meters = meters;
        this.pageSize = pageSize;
        this.retries = new RetryPolicy(maxAttempts, firstRetry, maxRetry);
        this.failedCopies = new QueueDrain<>("storage-copy", StorageMigrationRepository.FAILURES, retries, LEASE,
                row -> "copy of " + row.getObjectKey(), db, platformScope, meters);
        // By then every node reads the new choice, and a write that reached the former provider has finished.
        this.settleTime = settleTime != null ? settleTime
                : properties.plugins().stateRefresh().plus(properties.plugins().callTimeout()).plus(Duration.ofSeconds(5));
    }

    /**
     * Works on the running migration until the budget is spent: due retries first, then the next pages of the
     * listing, then finishes it when nothing is left.
     *
     * @return true when a migration was running
     */
    boolean step(Duration budget) {
        stepping.lock();
        try {
            return stepLocked(budget);
        } finally {
            stepping.unlock();
        }
    }

    private boolean stepLocked(Duration budget) {
        Optional<StorageMigration> running = inPlatformScope(migrations::running);
        if (running.isEmpty()) {
            return false;
        }
        StorageMigration migration = running.get();
        if (migration.startedAt().toInstant().plus(settleTime).isAfter(Instant.now())) {
            return true;
        }
        if (slots.servingVersion(Slot.STORAGE) != migration.targetVersion()) {
            // Copying now could compare the former provider with itself and count objects as copied that are not.
            log.warn("Storage migration {} waits: this node does not serve the new storage settings yet", migration.id());
            return true;
        }
        Instant stop = Instant.now().plus(budget);
        retryDue(migration, stop);
        boolean listingDone = migration.listingDone();
        String cursor = migration.listingCursor();
        while (!listingDone && Instant.now().isBefore(stop)) {
            String after = cursor;
            List<ObjectInfo> page;
            try {
                page = slots.callDetached(migration.source(), ObjectStorage.class, storage -> storage.list("", after, pageSize));
            } catch (ProviderException e) {
                String error = "Cannot list the objects at '" + migration.source().providerId() + "': " + e.getMessage();
                log.warn("Storage migration {}: {}", migration.id(), error);
                inPlatformScope(() -> migrations.advance(migration.id(), null, false, new Tally(), error));
                return true;
            }
            Tally tally = new Tally();
            for (ObjectInfo object : page) {
                tally.listed++;
                copyOrRecord(migration, object.key(), tally);
                cursor = object.key();
            }
            // A short page does not mean the end: a provider may return fewer (deleted meanwhile, a smaller cap).
            listingDone = page.isEmpty();
            String reached = cursor;
            boolean done = listingDone;
            inPlatformScope(() -> migrations.advance(migration.id(), reached, done, tally, null));
        }
        finishWhenComplete(migration.id());
        return true;
    }

    private void retryDue(StorageMigration migration, Instant stop) {
        Tally tally = new Tally();
        int handled = failedCopies.drain(pageSize, Duration.between(Instant.now(), stop), failure -> {
            add(tally, copyCounted(migration.source(), failure.getObjectKey()));
            inPlatformScope(() -> migrations.resolveFailure(failure.getId()));
        });
        if (handled > 0) {
            inPlatformScope(() -> migrations.advance(migration.id(), null, false, tally, null));
        }
    }

    /** Copies a listed object, counting the outcome; a failure is recorded for a later try (or given up, when permanent). */
    private void copyOrRecord(StorageMigration migration, String key, Tally tally) {
        try {
            add(tally, copyCounted(migration.source(), key));
        } catch (ProviderException e) {
            boolean givenUp = retries.givesUp(e, 1);
            OffsetDateTime next = OffsetDateTime.now().plus(retries.backoff(1));
            inPlatformScope(() -> migrations.recordFailure(migration.id(), key, e.getMessage(), next, givenUp));
            log.warn("Storage migration {}: copy of {} failed, {}: {}", migration.id(), key, givenUp ? "given up" : "next try at " + next,
                    e.getMessage());
        }
    }

    /** Copies one object and counts the outcome; whatever went wrong comes out as a ProviderException. */
    private Outcome copyCounted(StoredSlot source, String key) throws ProviderException {
        try {
            Outcome outcome = copy(source, key);
            count(outcome.kind.name().toLowerCase());
            return outcome;
        } catch (ProviderException | CopyMismatchException | IOException | RuntimeException e) {
            count("failed");
            throw e instanceof ProviderException failure ? failure
                    : new ProviderException(ProviderException.Kind.RETRYABLE, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static void add(Tally tally, Outcome outcome) {
        switch (outcome.kind) {
            case COPIED -> {
                tally.copied++;
                tally.bytes += outcome.bytes;
            }
            case PRESENT -> tally.present++;
            case GONE -> tally.gone++;
        }
    }

    private Outcome copy(StoredSlot source, String key) throws ProviderException, CopyMismatchException, IOException {
        Optional<ObjectInfo> original = slots.callDetached(source, ObjectStorage.class, storage -> storage.stat(key));
        if (original.isEmpty()) {
            return new Outcome(Kind.GONE, 0);
        }
        ObjectInfo from = original.get();
        Optional<ObjectInfo> existing = slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat(key));
        if (existing.isPresent() && sameContent(from, existing.get())) {
            return new Outcome(Kind.PRESENT, 0);
        }
        Optional<InputStream> content = slots.callDetached(source, ObjectStorage.class, storage -> storage.get(key));
        if (content.isEmpty()) {
            return new Outcome(Kind.GONE, 0);
        }
        String readSha;
        try (DigestInputStream in = new DigestInputStream(content.get(), sha256())) {
            slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.put(key, in, from.size(), from.contentType()));
            readSha = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        if (slots.callDetached(source, ObjectStorage.class, storage -> storage.stat(key)).isEmpty()) {
            // Deleted while it was being copied: the copy must not bring it back.
            slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.delete(key));
            return new Outcome(Kind.GONE, 0);
        }
        Optional<ObjectInfo> written = slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat(key));
        String problem = mismatch(from, readSha, written);
        if (problem != null) {
            slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.delete(key));
            throw new CopyMismatchException("Copy of " + key + " " + problem);
        }
        return new Outcome(Kind.COPIED, from.size());
    }

    /** Why the written copy is not the original, or null when size and checksums agree. */
    private static String mismatch(ObjectInfo from, String readSha, Optional<ObjectInfo> written) {
        if (written.isEmpty()) {
            return "is missing right after it was written";
        }
        if (written.get().size() != from.size()) {
            return "has " + written.get().size() + " bytes instead of " + from.size();
        }
        if (from.sha256() != null && !from.sha256().equalsIgnoreCase(readSha)) {
            return "read back a checksum different from the source's (" + readSha + " vs " + from.sha256() + ")";
        }
        if (written.get().sha256() != null && !written.get().sha256().equalsIgnoreCase(readSha)) {
            return "was stored with checksum " + written.get().sha256() + " instead of " + readSha;
        }
        return null;
    }

    private static boolean sameContent(ObjectInfo a, ObjectInfo b) {
        return a.size() == b.size() && a.sha256() != null && b.sha256() != null && a.sha256().equalsIgnoreCase(b.sha256());
    }

    private void finishWhenComplete(java.util.UUID migrationId) {
        Optional<StorageMigration> finished = inPlatformScope(() -> {
            Optional<StorageMigration> current = migrations.running().filter(m -> m.id().equals(migrationId));
            if (current.isEmpty() || !current.get().listingDone() || current.get().failing() > 0) {
                return Optional.<StorageMigration>empty();
            }
            StorageMigration m = current.get();
            migrations.finish(m.id(), StorageMigration.Status.DONE);
            audit.record(null, null, "storage.migration.done", "storage_migration", m.id().toString(),
                    Map.of("from", m.source().providerId(), "to", m.targetProviderId(), "copied", m.copied(),
                            "present", m.present(), "gone", m.gone(), "bytes", m.bytesCopied()));
            return current;
        });
        finished.ifPresent(m -> {
            state.forget();
            slots.releaseDetached(m.source());
            log.info("Storage migration {} from '{}' to '{}' is done: {} copied, {} already present, {} gone",
                    m.id(), m.source().providerId(), m.targetProviderId(), m.copied(), m.present(), m.gone());
        });
    }

    private void count(String outcome) {
        Counter.builder("classentra.storage.migration.objects").description("Objects handled by storage migrations, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    private <T> T inPlatformScope(Supplier<T> work) {
        return platformScope.inTransaction(null, "storage migration", work);
    }

    private void inPlatformScope(Runnable work) {
        inPlatformScope(() -> {
            work.run();
            return null;
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private enum Kind { COPIED, PRESENT, GONE }

    private record Outcome(Kind kind, long bytes) {
    }

    /** The copy at the new provider differs from the original. */
    static final class CopyMismatchException extends Exception {
        CopyMismatchException(String message) {
            super(Objects.requireNonNull(message));
        }
    }
}
