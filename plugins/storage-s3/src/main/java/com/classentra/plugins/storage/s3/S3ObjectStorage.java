package com.classentra.plugins.storage.s3;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in one bucket under an optional key prefix. Every upload carries its SHA-256 as an S3 checksum, so the
 * server verifies what it received, and as the user metadata {@code sha256}, so {@link #stat} can report it for
 * verifying copies. Uploads larger than one part go multipart and are aborted on any failure: a failed put leaves
 * no object and no pending parts.
 */
final class S3ObjectStorage implements ObjectStorage {

    static final String SHA256_METADATA = "sha256";
    /** S3's limits: an object holds at most 5 TiB, in at most 10,000 parts. */
    static final long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final S3Keys keys;
    private final long partSize;
    private final Duration longestLink;
    private final Path spool;

    S3ObjectStorage(S3Client client, S3Presigner presigner, String bucket, S3Keys keys, long partSize, Duration longestLink, Path spool) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
        this.keys = keys;
        this.partSize = partSize;
        this.longestLink = longestLink;
        this.spool = spool;
    }

    @Override
    public ObjectInfo put(String key, InputStream content, long size, String contentType) throws ProviderException {
        String objectKey = keys.objectKey(key);
        if (size < 0 || size > MAX_OBJECT_BYTES) {
            throw new ProviderException(Kind.PERMANENT, "The file is " + size + " bytes; S3 stores at most " + MAX_OBJECT_BYTES + " bytes");
        }
        String type = contentType == null ? "application/octet-stream" : contentType;
        try {
            String sha256 = size <= partSize
                    ? putSingle(objectKey, readExactly(content, size), type)
                    : putMultipart(objectKey, content, size, type);
            return stat(key).map(info -> new ObjectInfo(key, info.size(), info.contentType(), sha256, info.lastModified()))
                    .orElseThrow(() -> new ProviderException(Kind.RETRYABLE, "The object " + key + " was not found right after storing it"));
        } catch (SdkException e) {
            ProviderException failure = S3Failures.classify("Cannot store " + key, e);
            throw failure.kind() == Kind.RETRYABLE && !(e instanceof AwsServiceException) ? withBucketProblem(failure) : failure;
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot read the content of " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * An upload that got no answer: some servers close the connection on a missing bucket or a refused key before they
     * read the body. Asking the bucket tells a configuration problem, which no retry mends, from a passing one.
     */
    private ProviderException withBucketProblem(ProviderException failure) {
        try {
            client.headBucket(r -> r.bucket(bucket));
            return failure;
        } catch (AwsServiceException e) {
            ProviderException bucketProblem = S3Failures.classify(failure.getMessage() + "; bucket " + bucket + " is not usable", e);
            return bucketProblem.kind() == Kind.MISCONFIGURED ? bucketProblem : failure;
        } catch (SdkException e) {
            return failure;
        }
    }

    /** One PUT with the whole content, its SHA-256 checked by the server, then compared with what it reports back. */
    private String putSingle(String objectKey, byte[] data, String contentType) throws ProviderException {
        byte[] sha256 = digest("SHA-256", data);
        String hex = HexFormat.of().formatHex(sha256);
        PutObjectResponse response = client.putObject(r -> r.bucket(bucket).key(objectKey).contentType(contentType)
                .contentLength((long) data.length)
                .checksumSHA256(Base64.getEncoder().encodeToString(sha256))
                .metadata(Map.of(SHA256_METADATA, hex)), RequestBody.fromBytes(data));
        String mismatch = StoredCopyCheck.mismatch(response.checksumSHA256(), response.eTag(), sha256, digest("MD5", data));
        if (mismatch != null) {
            deleteQuietly(objectKey);
            throw new ProviderException(Kind.RETRYABLE, "The stored copy differs from what was sent: " + mismatch);
        }
        return hex;
    }

    /**
     * Spools the content to a local file first, for two reasons: the stream must be checked to hold exactly
     * {@code size} bytes before anything is created in the bucket, and the SHA-256 must be known when the upload
     * starts, because S3 takes user metadata only then. Each part carries its own SHA-256 for the server to check.
     */
    private String putMultipart(String objectKey, InputStream content, long size, String contentType)
            throws IOException, ProviderException {
        Files.createDirectories(spool);
        Path file = spool.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest whole = messageDigest("SHA-256");
            long received;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), whole)) {
                received = content.transferTo(out);
            }
            if (received != size) {
                throw new ProviderException(Kind.PERMANENT, "Expected " + size + " bytes but received " + received);
            }
            String hex = HexFormat.of().formatHex(whole.digest());
            // Larger parts than configured when the configured size would need more parts than S3 allows.
            long partSize = Math.max(this.partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
            String uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(objectKey).contentType(contentType)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256).metadata(Map.of(SHA256_METADATA, hex))).uploadId();
            try (InputStream in = Files.newInputStream(file)) {
                List<CompletedPart> parts = new ArrayList<>();
                for (int number = 1; (long) (number - 1) * partSize < size; number++) {
                    byte[] part = in.readNBytes((int) Math.min(partSize, size - (number - 1) * partSize));
                    String partSha256 = Base64.getEncoder().encodeToString(digest("SHA-256", part));
                    int partNumber = number;
                    String eTag = client.uploadPart(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId)
                            .partNumber(partNumber).contentLength((long) part.length).checksumSHA256(partSha256),
                            RequestBody.fromBytes(part)).eTag();
                    parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).checksumSHA256(partSha256).build());
                }
                client.completeMultipartUpload(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            } catch (IOException | RuntimeException e) {
                abortQuietly(objectKey, uploadId, e);
                throw e;
            }
            return hex;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws ProviderException {
        String objectKey = keys.objectKey(key);
        try {
            return Optional.of(client.getObject(r -> r.bucket(bucket).key(objectKey)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failures.classify("Cannot read " + key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws ProviderException {
        String objectKey = keys.objectKey(key);
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(objectKey));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.contentType(),
                    head.metadata().get(SHA256_METADATA), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw S3Failures.classify("Cannot read " + key, e);
        } catch (SdkException e) {
            throw S3Failures.classify("Cannot read " + key, e);
        }
    }

    @Override
    public boolean delete(String key) throws ProviderException {
        // S3 answers a delete the same whether or not the object existed, so ask first.
        boolean existed = stat(key).isPresent();
        String objectKey = keys.objectKey(key);
        try {
            client.deleteObject(r -> r.bucket(bucket).key(objectKey));
            return existed;
        } catch (SdkException e) {
            throw S3Failures.classify("Cannot delete " + key, e);
        }
    }

    /**
     * Up to {@code limit} objects after {@code startAfter}; each entry is read with HEAD, so it carries its content
     * type and SHA-256. Keys this platform does not write (a folder marker, a file put there by hand) and objects
     * deleted meanwhile are skipped, and further ListObjectsV2 pages are read until the page is full or the bucket
     * has no more: an empty page then reliably means the end.
     */
    @Override
    public List<ObjectInfo> list(String prefix, String startAfter, int limit) throws ProviderException {
        String listPrefix = keys.listPrefix(prefix);
        String after = startAfter == null ? null : keys.objectKey(startAfter);
        List<ObjectInfo> page = new ArrayList<>();
        boolean more = true;
        while (more && page.size() < limit) {
            String from = after;
            ListObjectsV2Response listed;
            try {
                listed = client.listObjectsV2(r -> r.bucket(bucket).prefix(listPrefix.isEmpty() ? null : listPrefix)
                        .startAfter(from).maxKeys(Math.max(1, Math.min(limit - page.size(), 1000))));
            } catch (SdkException e) {
                throw S3Failures.classify("Cannot list objects", e);
            }
            for (S3Object object : listed.contents()) {
                after = object.key();
                try {
                    stat(keys.platformKey(object.key())).ifPresent(page::add);
                } catch (ProviderException e) {
                    if (e.kind() != Kind.PERMANENT) {
                        throw e;
                    }
                }
            }
            more = Boolean.TRUE.equals(listed.isTruncated()) && !listed.contents().isEmpty();
        }
        return page;
    }

    @Override
    public Optional<URI> presignedDownload(String key, Duration validity, String downloadFilename) throws ProviderException {
        String objectKey = keys.objectKey(key);
        Duration duration = validity.compareTo(longestLink) > 0 ? longestLink : validity;
        if (duration.isNegative() || duration.isZero()) {
            throw new ProviderException(Kind.PERMANENT, "A download link must be valid for some time");
        }
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(duration)
                    .getObjectRequest(r -> r.bucket(bucket).key(objectKey)
                            .responseContentDisposition(attachment(downloadFilename)))).url().toURI());
        } catch (SdkException e) {
            throw S3Failures.classify("Cannot sign a download link for " + key, e);
        } catch (java.net.URISyntaxException e) {
            throw new ProviderException(Kind.PERMANENT, "The signed link for " + key + " is not a valid URI", e);
        }
    }

    @Override
    public HealthReport checkHealth() {
        try {
            client.headBucket(r -> r.bucket(bucket));
            return HealthReport.healthy("Bucket " + bucket + " answers" + (keys.prefix().isEmpty() ? "." : ", objects under " + keys.prefix() + "."));
        } catch (SdkException e) {
            return HealthReport.unhealthy(S3Failures.classify("Bucket " + bucket + " is not usable", e).getMessage());
        }
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    /**
     * Content-Disposition asking the browser to save the file under its name: an ASCII fallback for old clients and
     * the exact name in RFC 5987 form. Quotes, backslashes and line breaks never reach the header.
     */
    static String attachment(String filename) {
        String name = filename == null || filename.isBlank() ? "download" : filename.replaceAll("[\\r\\n\"\\\\/]", "_");
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** Reads exactly {@code size} bytes and the end of the stream; more or fewer is refused before any upload. */
    private static byte[] readExactly(InputStream content, long size) throws IOException, ProviderException {
        byte[] data = content.readNBytes((int) size);
        if (data.length < size) {
            throw new ProviderException(Kind.PERMANENT, "Expected " + size + " bytes but received " + data.length);
        }
        if (content.read() != -1) {
            throw new ProviderException(Kind.PERMANENT, "Expected " + size + " bytes but the content is longer");
        }
        return data;
    }

    private void abortQuietly(String objectKey, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            // The bucket's lifecycle rule for incomplete uploads is the last resort; the original failure is reported.
            cause.addSuppressed(e);
        }
    }

    private void deleteQuietly(String objectKey) {
        try {
            client.deleteObject(r -> r.bucket(bucket).key(objectKey));
        } catch (SdkException ignored) {
            // The caller is told the put failed; a retry replaces the object.
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        return messageDigest(algorithm).digest(data);
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
