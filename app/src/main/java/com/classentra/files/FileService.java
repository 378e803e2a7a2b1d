package com.classentra.files;

import com.classentra.platform.security.RoleScopes;
import com.classentra.files.FileRepository.Located;
import com.classentra.files.FileRepository.NewFile;
import com.classentra.files.UploadRules.Accepted;
import com.classentra.files.UploadRules.Refused;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.ProviderException;
import com.classentra.platform.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import com.classentra.platform.db.ScopedTransactions;

/**
 * Course files in the storage slot. Uploads are checked and staged in the node's staging folder first; they reach storage
 * only inside the transaction that saves their item or submission, and a rollback removes the objects again, so
 * a refused or failed save leaves nothing half-stored. Downloads go through short-lived signed links that are
 * bound to one person and checked against their rights again when used.
 */
@Service
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);
    static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    private final FileRepository files;
    private final ObjectStore storage;
    private final UploadRules rules;
    private final LinkSigner signer;
    private final RoleScopes scopes;
    private final ScopedTransactions scoped;
    private final PlatformScope platformScope;
    private final UploadStaging staging;

    FileService(FileRepository files, ObjectStore storage, UploadRules rules, LinkSigner signer, RoleScopes scopes,
            ScopedTransactions scoped, PlatformScope platformScope, UploadStaging staging) {
        this.files = files;
        this.storage = storage;
        this.rules = rules;
        this.signer = signer;
        this.scopes = scopes;
        this.scoped = scoped;
        this.platformScope = platformScope;
        this.staging = staging;
    }

    public UploadRules rules() {
        return rules;
    }

    /**
     * Receives a file from the browser into the staging folder and checks it. The size limit holds while the bytes
     * arrive: a declared size over it is refused before anything is read, and the copy stops one byte past it, so an
     * oversized file never lands on disk whole. A refused file is deleted at once and the reason thrown for the
     * person. {@code declaredSize} is -1 when the sender did not say.
     */
    public StagedUpload stage(InputStream content, String clientName, long declaredSize) {
        if (declaredSize > rules.maxBytes()) {
            throw new UploadRefusedException(rules.tooLarge(clientName));
        }
        Path file = staging.newFile();
        boolean kept = false;
        try {
            if (!copyAtMost(content, file, rules.maxBytes())) {
                throw new UploadRefusedException(rules.tooLarge(clientName));
            }
            StagedUpload staged = switch (rules.check(file, clientName)) {
                case Accepted accepted -> new StagedUpload(file, accepted.filename(), accepted.contentType(), Files.size(file));
                case Refused refused -> throw new UploadRefusedException(refused.message());
            };
            kept = true;
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!kept) {
                UploadStaging.delete(file);
            }
        }
    }

    /** Copies the content into the file unless it is longer than {@code limit}; reads at most one byte past it. */
    private static boolean copyAtMost(InputStream content, Path file, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = content.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit + 1 - copied))) > 0) {
                copied += read;
                if (copied > limit) {
                    return false;
                }
                out.write(buffer, 0, read);
            }
        }
        return true;
    }

    /**
     * Stores staged files as attachments of an item, in the caller's (teacher's) transaction. The caller discards
     * the staged files afterwards, whatever happened.
     */
    public void attachToItem(UUID tenantId, UUID courseId, UUID itemId, UUID uploader, List<StagedUpload> staged) {
        store(tenantId, courseId, itemId, null, null, null, uploader, staged);
    }

    /** Stores staged files with a chat message, in its author's transaction. */
    public void attachToMessage(UUID tenantId, UUID courseId, UUID messageId, UUID uploader, List<StagedUpload> staged) {
        store(tenantId, courseId, null, null, null, messageId, uploader, staged);
    }

    /** Stores staged files with one version of a submission, in the caller's (student's) transaction. */
    public void attachToSubmission(UUID tenantId, UUID courseId, UUID submissionId, int version, UUID uploader, List<StagedUpload> staged) {
        store(tenantId, courseId, null, submissionId, version, null, uploader, staged);
    }

    private void store(UUID tenantId, UUID courseId, UUID itemId, UUID submissionId, Integer version, UUID messageId, UUID uploader,
            List<StagedUpload> staged) {
        if (staged.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Files are stored inside the transaction that saves their owner");
        }
        List<String> written = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    written.forEach(FileService.this::deleteQuietly);
                }
            }
        });
        for (StagedUpload upload : staged) {
            UUID id = UUID.randomUUID();
            String key = "tenants/%s/courses/%s/files/%s".formatted(tenantId, courseId, id);
            String sha256 = put(key, upload);
            written.add(key);
            files.insert(new NewFile(id, tenantId, courseId, itemId, submissionId, version, messageId, uploader, key, upload.filename(),
                    upload.contentType(), upload.sizeBytes(), sha256));
        }
    }

    private String put(String key, StagedUpload upload) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(upload.path()), MessageDigest.getInstance("SHA-256"))) {
            storage.put(key, in, upload.sizeBytes(), upload.contentType());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (ProviderException e) {
            throw new FileStorageException("File storage did not take " + upload.filename() + ". Please try again in a moment.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (ProviderException | RuntimeException e) {
            // The object has no row: queue it like any deleted file, so the purge job keeps trying.
            log.warn("Could not remove {} after a failed save; queued for the purge job", key, e);
            platformScope.inTransaction(null, "queue purge of an orphaned upload", () -> files.queuePurge(key));
        }
    }

    /** Files of items, in the caller's transaction: one statement however many items. */
    /**
     * Queues an object that no file row holds (an export's archive) for deletion from storage by the purge job, in the
     * caller's platform-scope transaction.
     */
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void purgeLater(String storageKey) {
        files.queuePurge(storageKey);
    }

    public List<StoredFileInfo> filesOfItems(Collection<UUID> itemIds) {
        return files.ofItems(itemIds);
    }

    public List<StoredFileInfo> filesOfSubmissions(Collection<UUID> submissionIds) {
        return files.ofSubmissions(submissionIds);
    }

    /** Files of chat messages, in the caller's transaction (those of messages the caller reads). */
    public List<StoredFileInfo> filesOfMessages(Collection<UUID> messageIds) {
        return files.ofMessages(messageIds);
    }

    /** Removes the files of a message just deleted, in the caller's transaction; their objects are purged by the background job. */
    public int deleteFilesOfMessage(UUID messageId) {
        return files.deleteOfMessage(messageId);
    }

    /** Removes a file of the teacher's workspace; its object is purged by the background job. */
    public void delete(SignedInUser teacher, UUID fileId) {
        scopes.asTeacher(teacher, () -> {
            if (!files.delete(fileId)) {
                throw new FileNotFoundException();
            }
            return null;
        });
    }

    /**
     * A short-lived link to the file for this person, once their rights are checked: the storage provider's own
     * presigned URL when it has one, else this server's signed content path. Empty when the file is not theirs to see.
     */
    public Optional<URI> downloadLink(SignedInUser user, UUID fileId) {
        Optional<Located> file = scopes.asMember(user, () -> files.find(fileId));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Located located = file.get();
        try {
            Optional<URI> presigned = storage.presignedDownload(located.storageKey(), LINK_VALIDITY, located.info().filename());
            if (presigned.isPresent()) {
                return presigned;
            }
        } catch (ProviderException e) {
            throw new FileStorageException("File storage is not answering. Please try again in a moment.", e);
        }
        String tenant = user.teachesInWorkspace() ? user.tenantId().toString() : "-";
        long expires = Instant.now().plus(LINK_VALIDITY).getEpochSecond();
        String token = signer.sign(String.join(":", fileId.toString(), user.id().toString(), tenant, Long.toString(expires)));
        return Optional.of(URI.create("/files/" + fileId + "/content?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    }

    /** What a signed link opens: the file's metadata and its bytes (the caller closes the stream). */
    public record Download(StoredFileInfo info, InputStream content) {
    }

    /**
     * Opens the file behind a signed link: the signature must match, the link must be for this file and unexpired,
     * and the person it was made for must still be allowed to see the file.
     */
    public Optional<Download> open(UUID fileId, String token) {
        Optional<String[]> parts = signer.verify(token).map(payload -> payload.split(":"));
        if (parts.isEmpty() || parts.get().length != 4 || !parts.get()[0].equals(fileId.toString())) {
            return Optional.empty();
        }
        String[] p = parts.get();
        try {
            if (Instant.ofEpochSecond(Long.parseLong(p[3])).isBefore(Instant.now())) {
                return Optional.empty();
            }
            UUID user = UUID.fromString(p[1]);
            Optional<Located> file = scoped.asPerson(p[2].equals("-") ? null : UUID.fromString(p[2]), user, () -> files.find(fileId));
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Optional<InputStream> content = storage.get(file.get().storageKey());
            return content.map(in -> new Download(file.get().info(), in));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (ProviderException e) {
            throw new FileStorageException("File storage is not answering. Please try again in a moment.", e);
        }
    }
}
