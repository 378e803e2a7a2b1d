package com.classentra.privacy;

import com.classentra.accounts.People;
import com.classentra.db.jooq.tables.records.DataExportRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.privacy.PersonalDataExport;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.plugin.api.ProviderException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds requested exports: the {@code data-export} queue, worked like every durable queue. Each ZIP is written to a
 * file in the node's data directory (never held in memory), stored through the storage slot, and announced by email
 * with its link. The archive is deleted from storage when it expires.
 */
@Component
class DataExportBuilder {

    private static final Logger log = LoggerFactory.getLogger(DataExportBuilder.class);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final DataExportRepository exports;
    private final PersonalDataExport export;
    private final ObjectStore storage;
    private final PlatformScope platformScope;
    private final EmailOutbox outbox;
    private final People people;
    private final DataExports links;
    private final AuditLog audit;
    private final Path workDirectory;
    private final QueueDrain<DataExportRecord> queue;

    DataExportBuilder(DataExportRepository exports, PersonalDataExport export, ObjectStore storage, PlatformScope platformScope, EmailOutbox outbox,
            People people, DataExports links, AuditLog audit, ClassentraProperties properties, DSLContext db, MeterRegistry meters) throws IOException {
        this.exports = exports;
        this.export = export;
        this.storage = storage;
        this.platformScope = platformScope;
        this.outbox = outbox;
        this.people = people;
        this.links = links;
        this.audit = audit;
        this.workDirectory = Files.createDirectories(properties.dataDirectory().resolve("exports-in-progress"));
        this.queue = new QueueDrain<>("data-export", DataExportRepository.QUEUE, new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1)),
                LEASE, row -> "export " + row.getId(), db, platformScope, meters);
    }

    /** Builds the exports due, one at a time, until none is or the budget is spent; returns how many were handled. */
    int buildDue(Duration budget) {
        return queue.drain(1, budget, this::build);
    }

    private void build(DataExportRecord row) throws ProviderException {
        UUID id = row.getId();
        UUID person = row.getUserId();
        Path zip = workDirectory.resolve(id + ".zip");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip))) {
                export.write(person, out, (step, done, of) -> platformScope.inTransaction(null, "data export progress", () -> {
                    exports.progress(id, step.equals("done") ? "Storing the archive" : "Writing " + step + " (" + (done + 1) + " of " + of + ")");
                    return null;
                }));
            }
            long size = Files.size(zip);
            String key = "exports/" + person + "/" + id + ".zip";
            try (InputStream in = Files.newInputStream(zip)) {
                storage.put(key, in, size, "application/zip");
            }
            OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(DataExports.AVAILABLE_FOR);
            platformScope.inTransaction(null, "data export ready", () -> {
                exports.ready(id, key, size, expires);
                People.Person whom = people.visible(Set.of(person)).get(person);
                outbox.enqueue(new EmailRequest(null, person, whom.email(), whom.name(), "data-export-ready", null, Map.of(
                        "firstName", whom.firstName(), "link", links.downloadLink(id), "validDays", String.valueOf(DataExports.AVAILABLE_FOR.toDays()))));
                audit.record(null, person, "privacy.export_ready", "data_export", id.toString(), Map.of("bytes", size));
                return null;
            });
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.RETRYABLE, "Writing the export failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                log.warn("Could not delete the working copy {}: {}", zip, e.getMessage());
            }
        }
    }

    /** Deletes expired archives from storage (outside any transaction), then marks them deleted; returns how many. */
    int deleteExpired(int limit) {
        int deleted = 0;
        for (DataExportRecord row : platformScope.inTransaction(null, "expired exports", () -> exports.expiredArchives(OffsetDateTime.now(), limit))) {
            try {
                storage.delete(row.getStorageKey());
            } catch (ProviderException e) {
                // Still marked as in storage: the next run tries again, and the row outlives it until it succeeds.
                log.warn("Could not delete the expired export {} from storage: {}", row.getId(), e.getMessage());
                continue;
            }
            platformScope.inTransaction(null, "expired export deleted", () -> {
                exports.archiveDeleted(row.getId());
                return null;
            });
            deleted++;
        }
        return deleted;
    }
}
