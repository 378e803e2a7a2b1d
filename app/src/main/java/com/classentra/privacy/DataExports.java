package com.classentra.privacy;

import com.classentra.db.jooq.tables.records.DataExportRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.plugin.api.ProviderException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * "Download my data" (privacy policy, "Your Rights"): a person asks in Settings, at most once a day; a job builds the
 * ZIP (DataExportBuilder) and emails a signed link that works for 7 days, only for that person signed in.
 */
@Service
public class DataExports {

    /** How often a person may ask. */
    public static final Duration ONE_REQUEST_PER = Duration.ofHours(24);
    /** How long the archive and its link last. */
    public static final Duration AVAILABLE_FOR = Duration.ofDays(7);
    private static final String LINK_PURPOSE = "DATA_EXPORT";

    private final DataExportRepository exports;
    private final ScopedTransactions scoped;
    private final AuditLog audit;
    private final LinkSigner signer;
    private final ClassentraProperties properties;
    private final ObjectStore storage;

    DataExports(DataExportRepository exports, ScopedTransactions scoped, AuditLog audit, LinkSigner signer, ClassentraProperties properties,
            ObjectStore storage) {
        this.exports = exports;
        this.scoped = scoped;
        this.audit = audit;
        this.signer = signer;
        this.properties = properties;
        this.storage = storage;
    }

    public enum Status { WAITING, BUILDING, READY, EXPIRED, FAILED }

    /** Where the person's newest export stands. */
    public record ExportState(UUID id, Status status, String progress, Instant requestedAt, Instant readyAt, Instant expiresAt,
            Long sizeBytes) {
    }

    /** The answer to a request: accepted, or refused until {@code nextAllowedAt}. */
    public record Request(boolean accepted, Instant nextAllowedAt) {
    }

    public Request request(SignedInUser user) {
        return scoped.asUser(user.id(), () -> {
            Optional<DataExportRecord> latest = exports.latest(user.id());
            if (latest.isPresent() && !QueueTable.DEAD.equals(latest.get().getStatus())) {
                Instant next = latest.get().getCreatedAt().toInstant().plus(ONE_REQUEST_PER);
                if (next.isAfter(Instant.now())) {
                    return new Request(false, next);
                }
            }
            UUID id = exports.insert(user.id());
            audit.record(user.tenantId(), user.id(), "privacy.export_requested", "data_export", id.toString(), Map.of());
            return new Request(true, null);
        });
    }

    public Optional<ExportState> latest(SignedInUser user) {
        return scoped.asUser(user.id(), () -> exports.latest(user.id())).map(DataExports::stateOf);
    }

    static ExportState stateOf(DataExportRecord row) {
        Status status = switch (row.getStatus()) {
            case QueueTable.PENDING -> Status.WAITING;
            case QueueTable.SENDING -> Status.BUILDING;
            case QueueTable.SENT -> row.getObjectDeletedAt() != null || !row.getExpiresAt().isAfter(OffsetDateTime.now()) ? Status.EXPIRED : Status.READY;
            default -> Status.FAILED;
        };
        return new ExportState(row.getId(), status, row.getProgress(), row.getCreatedAt().toInstant(), instant(row.getReadyAt()),
                instant(row.getExpiresAt()), row.getSizeBytes());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The link in the email: the export's id, signed. */
    public String downloadLink(UUID exportId) {
        return properties.publicUrl() + downloadPath(exportId);
    }

    /** The same link within the application, for Settings. */
    public String downloadPath(UUID exportId) {
        return "/account/data-export/" + signer.signId(LINK_PURPOSE, exportId);
    }

    /** An archive being downloaded. */
    public record Download(InputStream content, long sizeBytes, String filename) {
    }

    /**
     * The archive behind a link, for the signed-in person whose export it is, while it lasts; empty for anyone else, for
     * an altered link and after expiry.
     */
    public Optional<Download> open(SignedInUser user, String token) throws ProviderException {
        Optional<UUID> id = signer.idFrom(LINK_PURPOSE, token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<DataExportRecord> row = scoped.asUser(user.id(), () -> exports.find(id.get()))
                .filter(export -> export.getUserId().equals(user.id()) && stateOf(export).status() == Status.READY);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputStream> content = storage.get(row.get().getStorageKey());
        return content.map(in -> new Download(in, row.get().getSizeBytes(),
                "classentra-data-" + row.get().getReadyAt().toLocalDate() + ".zip"));
    }
}
