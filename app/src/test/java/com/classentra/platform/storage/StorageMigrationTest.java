package com.classentra.platform.storage;

import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.S3Peer;
import com.classentra.testsupport.TestSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassentraTest
@WithMockUser(roles = "ADMIN")
class StorageMigrationTest {

    @Autowired
    ObjectStore store;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    StorageCopier copier;
    @Autowired
    StorageMigrations migrations;
    @Autowired
    SlotRegistry registry;
    @Autowired
    PlatformSql platform;
    @Autowired
    MeterRegistry meters;

    @TempDir
    Path folders;

    @AfterEach
    void backToDefaultStorage() {
        platform.resetPluginSlots();
    }

    @Test
    void switchingStorageCopiesEveryObjectVerifiedWhileReadsFallBackAndFailedCopiesAreRetriedNotDropped() throws Exception {
        Path first = folders.resolve("first");
        Path second = folders.resolve("second");
        useLocalStorageIn(first);
        copyUntilDone();

        Map<String, byte[]> stored = storeObjects("object", 45, "application/octet-stream");
        // The new provider cannot take this object yet: a folder sits where its file must go.
        String blocked = "tenants/t/courses/c/files/object-07";
        Files.createDirectories(second.resolve("objects").resolve(blocked).resolve("in-the-way"));

        useLocalStorageIn(second);

        StorageMigration running = migrations.running().orElseThrow();
        assertThat(running.source().config()).containsEntry("directory", first.toString());
        assertThat(running.targetProviderId()).isEqualTo("local");
        assertThatThrownBy(() -> useLocalStorageIn(folders.resolve("third")))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageContaining("still being copied");
        // Settings of the target that keep the files where they are may change meanwhile; the copy goes on with them.
        long reconfigured = switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", second.toString(), "maxObjectMb", "200"), null, TestSwitches.AT_ONCE);
        assertThat(migrations.running()).get().satisfies(m -> {
            assertThat(m.id()).isEqualTo(migrations.recent(1).getFirst().id());
            assertThat(m.targetVersion()).isEqualTo(reconfigured);
        });

        // Before anything is copied, reads fall back to the former folder; new objects go to the new one.
        assertThat(read("tenants/t/courses/c/files/object-03")).contains(stored.get("tenants/t/courses/c/files/object-03"));
        store.put("tenants/t/new", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "application/octet-stream");
        assertThat(second.resolve("objects/tenants/t/new")).exists();
        assertThat(first.resolve("objects/tenants/t/new")).doesNotExist();
        // A delete removes the object from both, so the copy cannot bring it back.
        String deleted = "tenants/t/courses/c/files/object-44";
        assertThat(store.delete(deleted)).isTrue();
        stored.remove(deleted);

        copier.step(Duration.ofMinutes(1));

        running = migrations.running().orElseThrow();
        assertThat(running.listingDone()).isTrue();
        assertThat(running.copied()).isEqualTo(stored.size() - 1);
        assertThat(running.failing()).isEqualTo(1);
        assertThat(migrations.failures(running.id(), 10)).singleElement().satisfies(failure -> {
            assertThat(failure.key()).isEqualTo(blocked);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.error()).isNotBlank();
        });
        assertThat(read(blocked)).contains(stored.get(blocked));
        assertThat(read(deleted)).isEmpty();

        // The retry is not due yet: a step leaves the failure in place and the migration running.
        unblock(second, blocked);
        copier.step(Duration.ofMinutes(1));
        assertThat(migrations.running()).isPresent();

        platform.call(sql -> sql.update(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now()).execute());
        copier.step(Duration.ofMinutes(1));

        assertThat(migrations.running()).isEmpty();
        StorageMigration done = migrations.recent(1).getFirst();
        assertThat(done.status()).isEqualTo(StorageMigration.Status.DONE);
        assertThat(done.copied()).isEqualTo(stored.size());
        assertThat(done.settled()).isEqualTo(done.listed());
        assertThat(done.bytesCopied()).isEqualTo(stored.values().stream().mapToLong(b -> b.length).sum());
        for (Map.Entry<String, byte[]> object : stored.entrySet()) {
            Optional<InputStream> copy = registry.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.get(object.getKey()));
            assertThat(copy).as(object.getKey()).isPresent();
            try (InputStream in = copy.get()) {
                assertThat(in.readAllBytes()).as(object.getKey()).isEqualTo(object.getValue());
            }
        }
        Optional<ObjectInfo> deletedAtNewProvider = registry.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat(deleted));
        assertThat(deletedAtNewProvider).isEmpty();
        // Settings that do not move the files start no copy.
        switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", second.toString(), "maxObjectMb", "300"), null, TestSwitches.AT_ONCE);
        assertThat(migrations.running()).isEmpty();
        // Storage can move again now.
        useLocalStorageIn(folders.resolve("third"));
        assertThat(migrations.running()).isPresent();
    }

    @Test
    void movingFromTheLocalDiskToAnS3BucketCopiesEveryObjectWithItsChecksum() throws Exception {
        useLocalStorageIn(folders.resolve("disk"));
        copyUntilDone();
        Map<String, byte[]> stored = storeObjects("s3", 25, "application/pdf");

        try (S3Peer s3 = new S3Peer()) {
            switcher.switchProvider(Slot.STORAGE, "s3", s3.storageSettings(), null, TestSwitches.AT_ONCE);
            assertThat(read("tenants/t/courses/c/files/s3-04")).as("read from the disk until copied").contains(stored.get("tenants/t/courses/c/files/s3-04"));

            copyUntilDone();

            StorageMigration done = migrations.recent(1).getFirst();
            assertThat(done.copied()).isEqualTo(stored.size());
            for (Map.Entry<String, byte[]> object : stored.entrySet()) {
                assertThat(s3.blobStore().blobExists(S3Peer.BUCKET, object.getKey())).as(object.getKey()).isTrue();
                Optional<ObjectInfo> copy = registry.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat(object.getKey()));
                assertThat(copy).get().satisfies(info -> {
                    assertThat(info.size()).isEqualTo(object.getValue().length);
                    assertThat(info.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(object.getValue())));
                    assertThat(info.contentType()).isEqualTo("application/pdf");
                });
                assertThat(read(object.getKey())).contains(object.getValue());
            }
        }
    }

    @Test
    void aCopyThatKeepsFailingBacksOffAndIsGivenUpWithoutHoldingUpTheOthersUntilAnAdministratorTriesItAgain() throws Exception {
        Path first = folders.resolve("first");
        Path second = folders.resolve("second");
        useLocalStorageIn(first);
        copyUntilDone();
        Map<String, byte[]> stored = storeObjects("stuck", 6, "application/octet-stream");
        String stuck = "tenants/t/courses/c/files/stuck-00";
        String fixedLater = "tenants/t/courses/c/files/stuck-01";
        // The new provider cannot take these two: a folder sits where each file must go.
        for (String key : List.of(stuck, fixedLater)) {
            Files.createDirectories(second.resolve("objects").resolve(key).resolve("in-the-way"));
        }
        useLocalStorageIn(second);

        copier.step(Duration.ofMinutes(1));
        StorageMigration running = migrations.running().orElseThrow();
        assertThat(running.copied()).isEqualTo(stored.size() - 2);
        assertThat(running.failing()).isEqualTo(2);

        unblock(second, fixedLater);
        // Both due, the stuck one first in line.
        platform.call(sql -> sql.update(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now()).execute());
        platform.call(sql -> sql.update(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now().minusMinutes(1))
                .where(STORAGE_MIGRATION_FAILURE.OBJECT_KEY.eq(stuck)).execute());
        copier.step(Duration.ofMinutes(1));

        running = migrations.running().orElseThrow();
        assertThat(running.copied()).as("the other failed copy went through").isEqualTo(stored.size() - 1);
        assertThat(migrations.failures(running.id(), 10)).singleElement().satisfies(failure -> {
            assertThat(failure.key()).isEqualTo(stuck);
            assertThat(failure.attempts()).isEqualTo(2);
            assertThat(failure.givenUp()).isFalse();
            assertThat(failure.nextAttemptAt()).as("backs off").isAfter(OffsetDateTime.now().plusSeconds(20));
        });

        double givenUpBefore = meters.get("classentra.queue.handled").tag("queue", "storage-copy").tag("outcome", "dead").counter().count();
        platform.call(sql -> sql.update(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.ATTEMPTS, 19)
                .set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now()).execute());
        copier.step(Duration.ofMinutes(1));

        running = migrations.running().orElseThrow();
        assertThat(running.givenUp()).isEqualTo(1);
        assertThat(migrations.failures(running.id(), 10)).singleElement().satisfies(failure -> {
            assertThat(failure.attempts()).isEqualTo(20);
            assertThat(failure.givenUp()).isTrue();
        });
        assertThat(meters.get("classentra.queue.handled").tag("queue", "storage-copy").tag("outcome", "dead").counter().count())
                .isEqualTo(givenUpBefore + 1);
        copier.step(Duration.ofMinutes(1));
        assertThat(migrations.running()).as("a given-up copy keeps the migration waiting").isPresent();
        assertThat(read(stuck)).as("still read from the former provider").contains(stored.get(stuck));

        unblock(second, stuck);
        assertThat(migrations.retryGivenUp(running.id(), null)).isEqualTo(1);
        copier.step(Duration.ofMinutes(1));

        assertThat(migrations.running()).isEmpty();
        assertThat(migrations.recent(1).getFirst().copied()).isEqualTo(stored.size());
    }

    @Test
    void aRetriedCopyCallsTheProvidersOnceItsClaimCommittedAndWithNoLockOnItsRow() throws Exception {
        useLocalStorageIn(folders.resolve("disk"));
        copyUntilDone();
        Map<String, byte[]> stored = storeObjects("lock", 3, "application/octet-stream");
        String flaky = "tenants/t/courses/c/files/lock-01";
        try (S3Peer s3 = new S3Peer()) {
            AtomicBoolean refusing = new AtomicBoolean(true);
            List<String> seenDuringCalls = new CopyOnWriteArrayList<>();
            s3.duringRequest(name -> {
                if (!name.endsWith(flaky)) {
                    return;
                }
                if (refusing.get()) {
                    throw new UncheckedIOException(new IOException("refused for the test")); // answered 500
                }
                // Another transaction looks at the row while S3 handles the copier's request; NOWAIT fails if any lock is held.
                seenDuringCalls.add(platform.call(sql -> sql.select(STORAGE_MIGRATION_FAILURE.STATUS).from(STORAGE_MIGRATION_FAILURE)
                        .where(STORAGE_MIGRATION_FAILURE.OBJECT_KEY.eq(flaky)).forUpdate().noWait().fetchSingle(STORAGE_MIGRATION_FAILURE.STATUS)));
            });
            switcher.switchProvider(Slot.STORAGE, "s3", s3.storageSettings(), null, TestSwitches.AT_ONCE);
            copier.step(Duration.ofMinutes(1));
            assertThat(migrations.running().orElseThrow().failing()).isEqualTo(1);

            refusing.set(false);
            platform.call(sql -> sql.update(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now()).execute());
            copier.step(Duration.ofMinutes(1));

            assertThat(seenDuringCalls).isNotEmpty().containsOnly("SENDING");
            assertThat(migrations.running()).isEmpty();
            assertThat(s3.blobStore().blobExists(S3Peer.BUCKET, flaky)).isTrue();
            assertThat(migrations.recent(1).getFirst().copied()).isEqualTo(stored.size());
        }
    }

    @Test
    void aMigrationWhoseFormerProviderIsGoneCanBeAbandonedOnPurpose() throws Exception {
        useLocalStorageIn(folders.resolve("only"));
        StorageMigration running = migrations.running().orElseThrow();

        platform.call(sql -> sql.insertInto(STORAGE_MIGRATION_FAILURE).set(STORAGE_MIGRATION_FAILURE.MIGRATION_ID, running.id())
                .set(STORAGE_MIGRATION_FAILURE.OBJECT_KEY, "tenants/t/lost").set(STORAGE_MIGRATION_FAILURE.LAST_ERROR, "unreadable")
                .set(STORAGE_MIGRATION_FAILURE.NEXT_ATTEMPT_AT, OffsetDateTime.now()).execute());

        assertThat(migrations.abandon(running.id(), null)).isTrue();
        assertThat(platform.count(STORAGE_MIGRATION_FAILURE, STORAGE_MIGRATION_FAILURE.MIGRATION_ID.eq(running.id())))
                .as("nothing will copy its failed objects now").isZero();

        assertThat(migrations.running()).isEmpty();
        assertThat(migrations.recent(1).getFirst().status()).isEqualTo(StorageMigration.Status.ABANDONED);
        assertThat(migrations.abandon(running.id(), null)).isFalse();
    }

    /** Stores {@code count} objects of random content under keys named after {@code name}. */
    private Map<String, byte[]> storeObjects(String name, int count, String contentType) throws ProviderException {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[random.nextInt(20_000) + 1];
            random.nextBytes(content);
            String key = "tenants/t/courses/c/files/%s-%02d".formatted(name, i);
            store.put(key, new ByteArrayInputStream(content), content.length, contentType);
            stored.put(key, content);
        }
        return stored;
    }

    private static void unblock(Path folder, String key) throws IOException {
        Files.delete(folder.resolve("objects").resolve(key).resolve("in-the-way"));
        Files.delete(folder.resolve("objects").resolve(key));
    }

    private void useLocalStorageIn(Path folder) throws ConfigRejectedException {
        switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", folder.toString()), null, TestSwitches.AT_ONCE);
    }

    private void copyUntilDone() {
        for (int i = 0; i < 100 && migrations.running().isPresent(); i++) {
            copier.step(Duration.ofMinutes(1));
        }
        assertThat(migrations.running()).isEmpty();
    }

    private Optional<byte[]> read(String key) throws ProviderException, IOException {
        Optional<InputStream> content = store.get(key);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = content.get()) {
            return Optional.of(in.readAllBytes());
        }
    }
}
