package com.classentra.files;

import static com.classentra.db.jooq.Tables.FILE_PURGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.db.jooq.tables.records.FilePurgeRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.S3Peer;
import com.classentra.testsupport.TestSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassentraTest
@WithMockUser(roles = "ADMIN")
class FilePurgeTest {

    @Autowired
    FilePurge purge;
    @Autowired
    FileRepository files;
    @Autowired
    ObjectStore storage;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformSql platform;
    @Autowired
    ClassentraProperties properties;
    @Autowired
    MeterRegistry meters;

    private final String prefix = "tests/purge/" + UUID.randomUUID() + "/";

    @AfterEach
    void forgetTheKeysAndTheStorage() throws Exception {
        platform.call(sql -> sql.deleteFrom(FILE_PURGE).where(FILE_PURGE.STORAGE_KEY.startsWith(prefix)).execute());
        platform.resetPluginSlots();
        Path folder = localObjects().resolve(prefix);
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void aKeyWhoseDeleteAlwaysFailsBacksOffAndIsGivenUpWhileTheKeysBehindItArePurged() throws Exception {
        String blocked = prefix + "blocked";
        // No delete can succeed here: a folder with content sits where the object would be.
        Files.createDirectories(localObjects().resolve(blocked).resolve("in-the-way"));
        List<String> others = List.of(prefix + "a", prefix + "b", prefix + "c");
        for (String key : others) {
            storage.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "application/octet-stream");
            assertThat(localObjects().resolve(key)).exists();
        }
        queue(blocked);
        others.forEach(this::queue);
        // First in line, where the purge once took it again on every run.
        platform.call(sql -> sql.update(FILE_PURGE).set(FILE_PURGE.NEXT_ATTEMPT_AT, OffsetDateTime.now().minusMinutes(1))
                .where(FILE_PURGE.STORAGE_KEY.eq(blocked)).execute());

        assertThat(purge.purgeDue(1, Duration.ofSeconds(30))).isGreaterThanOrEqualTo(4);

        for (String key : others) {
            assertThat(platform.count(FILE_PURGE, FILE_PURGE.STORAGE_KEY.eq(key))).as(key).isZero();
            assertThat(localObjects().resolve(key)).doesNotExist();
        }
        FilePurgeRecord failing = row(blocked);
        assertThat(failing.getStatus()).isEqualTo("PENDING");
        assertThat(failing.getAttempts()).isEqualTo(1);
        assertThat(failing.getLastError()).contains("Cannot delete " + blocked);
        assertThat(failing.getNextAttemptAt()).as("backs off").isAfter(OffsetDateTime.now().plusSeconds(50));
        assertThat(failing.getLeaseUntil()).isNull();
        purge.purgeDue(10, Duration.ofSeconds(10));
        assertThat(row(blocked).getAttempts()).as("not due again yet").isEqualTo(1);

        double givenUpBefore = handled("dead");
        platform.call(sql -> sql.update(FILE_PURGE).set(FILE_PURGE.ATTEMPTS, 19).set(FILE_PURGE.NEXT_ATTEMPT_AT, OffsetDateTime.now())
                .where(FILE_PURGE.STORAGE_KEY.eq(blocked)).execute());
        purge.purgeDue(10, Duration.ofSeconds(10));

        FilePurgeRecord dead = row(blocked);
        assertThat(dead.getStatus()).isEqualTo("DEAD");
        assertThat(dead.getAttempts()).isEqualTo(20);
        assertThat(handled("dead")).isEqualTo(givenUpBefore + 1);
        assertThat(meters.get("classentra.queue.rows").tag("queue", "file-purge").tag("status", "dead").gauge().value()).isPositive();
        purge.purgeDue(10, Duration.ofSeconds(10));
        assertThat(row(blocked).getAttempts()).as("a dead key is left alone").isEqualTo(20);
    }

    @Test
    void theStorageIsCalledOnceTheClaimCommittedAndWithNoLockOnTheRow() throws Exception {
        try (S3Peer s3 = new S3Peer()) {
            switcher.switchProvider(Slot.STORAGE, "s3", s3.storageSettings(), null, TestSwitches.AT_ONCE);
            String key = prefix + "in-a-bucket";
            storage.put(key, new ByteArrayInputStream(new byte[] {4, 5, 6}), 3, "application/pdf");
            queue(key);
            UUID id = platform.value(FILE_PURGE.ID, FILE_PURGE.STORAGE_KEY.eq(key));
            List<String> seenDuringCalls = new CopyOnWriteArrayList<>();
            // Another transaction looks at the row while S3 handles the app's requests; NOWAIT fails if any lock is held.
            s3.duringRequest(name -> {
                if (name.endsWith(key)) {
                    seenDuringCalls.add(platform.call(sql -> sql.select(FILE_PURGE.STATUS).from(FILE_PURGE).where(FILE_PURGE.ID.eq(id))
                            .forUpdate().noWait().fetchSingle(FILE_PURGE.STATUS)));
                }
            });

            purge.purgeDue(10, Duration.ofSeconds(30));

            assertThat(seenDuringCalls).isNotEmpty().containsOnly("SENDING");
            assertThat(s3.blobStore().blobExists(S3Peer.BUCKET, key)).isFalse();
            assertThat(platform.count(FILE_PURGE, FILE_PURGE.ID.eq(id))).isZero();
        }
    }

    private void queue(String key) {
        platform.call(sql -> files.queuePurge(key));
    }

    private FilePurgeRecord row(String key) {
        return platform.call(sql -> sql.selectFrom(FILE_PURGE).where(FILE_PURGE.STORAGE_KEY.eq(key)).fetchSingle());
    }

    private double handled(String outcome) {
        return meters.get("classentra.queue.handled").tag("queue", "file-purge").tag("outcome", outcome).counter().count();
    }

    /** Where the default storage provider keeps objects in the test data directory. */
    private Path localObjects() {
        return properties.dataDirectory().resolve("plugin-data/storage-local/files/objects");
    }
}
