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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

        Map<String, byte[]> stored = new LinkedHashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 45; i++) {
            byte[] content = new byte[random.nextInt(5000) + 1];
            random.nextBytes(content);
            String key = "tenants/t/courses/c/files/object-%02d".formatted(i);
            store.put(key, new ByteArrayInputStream(content), content.length, "application/octet-stream");
            stored.put(key, content);
        }
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
        long reconfigured = switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", second.toString(), "maxObjectMb", "200"), null);
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
        Files.delete(second.resolve("objects").resolve(blocked).resolve("in-the-way"));
        Files.delete(second.resolve("objects").resolve(blocked));
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
        switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", second.toString(), "maxObjectMb", "300"), null);
        assertThat(migrations.running()).isEmpty();
        // Storage can move again now.
        useLocalStorageIn(folders.resolve("third"));
        assertThat(migrations.running()).isPresent();
    }

    @Test
    void movingFromTheLocalDiskToAnS3BucketCopiesEveryObjectWithItsChecksum() throws Exception {
        useLocalStorageIn(folders.resolve("disk"));
        copyUntilDone();
        Map<String, byte[]> stored = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 25; i++) {
            byte[] content = new byte[random.nextInt(20_000) + 1];
            random.nextBytes(content);
            String key = "tenants/t/courses/c/files/s3-%02d".formatted(i);
            store.put(key, new ByteArrayInputStream(content), content.length, "application/pdf");
            stored.put(key, content);
        }

        try (S3Peer s3 = new S3Peer()) {
            switcher.switchProvider(Slot.STORAGE, "s3", s3.storageSettings(), null);
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
    void aMigrationWhoseFormerProviderIsGoneCanBeAbandonedOnPurpose() throws Exception {
        useLocalStorageIn(folders.resolve("only"));
        StorageMigration running = migrations.running().orElseThrow();

        assertThat(migrations.abandon(running.id(), null)).isTrue();

        assertThat(migrations.running()).isEmpty();
        assertThat(migrations.recent(1).getFirst().status()).isEqualTo(StorageMigration.Status.ABANDONED);
        assertThat(migrations.abandon(running.id(), null)).isFalse();
    }

    private void useLocalStorageIn(Path folder) throws ConfigRejectedException {
        switcher.switchProvider(Slot.STORAGE, "local", Map.of("directory", folder.toString()), null);
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
