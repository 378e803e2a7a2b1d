package com.classentra.plugins.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storage contract of the local provider's tests, run against s3proxy: a real S3 API server in this JVM that
 * checks SigV4 signatures (and presigned URL expiry) with the configured credentials.
 */
class S3ObjectStorageTest {

    private static final String ACCESS_KEY = "classentra-test-key";
    private static final String SECRET = "classentra-test-secret-0123456789";
    private static final String BUCKET = "classentra-test";
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path work;

    /** Set to make the server fail every upload of a second part, as a broken connection or full disk would. */
    private final AtomicBoolean failSecondPart = new AtomicBoolean();
    private BlobStoreContext blobs;
    private S3Proxy s3proxy;
    private ObjectStorage storage;
    private final S3StorageProvider provider = new S3StorageProvider();

    @BeforeEach
    void startServer() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        BlobStore failing = new ForwardingBlobStore(blobs.getBlobStore()) {
            @Override
            public MultipartPart uploadMultipartPart(MultipartUpload upload, int partNumber, Payload payload) {
                if (failSecondPart.get() && partNumber == 2) {
                    // Not an argument or state error, which s3proxy would answer with 400: a server fault (500).
                    throw new RuntimeException("simulated storage failure");
                }
                return super.uploadMultipartPart(upload, partNumber, payload);
            }
        };
        // s3proxy 2.7.0 neither verifies nor stores x-amz-checksum-sha256 (Amazon S3 and R2 do) and answers 501 to
        // headers it does not know unless told to ignore them. What it cannot check, the provider checks itself:
        // the ETag of a plain PUT must be the MD5 of the bytes sent (StoredCopyCheck, tested on its own).
        s3proxy = S3Proxy.builder().blobStore(failing).endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        s3proxy.start();
        while (!s3proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        storage = storage(settings());
    }

    @AfterEach
    void stopServer() throws Exception {
        storage.close();
        s3proxy.stop();
        blobs.close();
    }

    private Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put(S3StorageProvider.SERVICE, S3StorageProvider.OTHER);
        values.put(S3StorageProvider.ENDPOINT, "http://127.0.0.1:" + s3proxy.getPort());
        values.put(S3StorageProvider.BUCKET, BUCKET);
        values.put(S3StorageProvider.ACCESS_KEY_ID, ACCESS_KEY);
        values.put(S3StorageProvider.SECRET_ACCESS_KEY, SECRET);
        values.put(S3StorageProvider.KEY_PREFIX, "classentra");
        values.put(S3StorageProvider.PATH_STYLE, "true");
        values.put(S3StorageProvider.PART_SIZE_MB, "5");
        values.put(S3StorageProvider.OPERATOR_NAME, "Example Storage GmbH");
        values.put(S3StorageProvider.OPERATOR_LOCATION, "Germany");
        return values;
    }

    private ObjectStorage storage(Map<String, String> values) throws ProviderException {
        var validation = provider.descriptor().configSchema().validate(values);
        assertThat(validation.errors()).isEmpty();
        assertThat(provider.validate(validation.config())).isEmpty();
        return provider.create(validation.config(), new ProviderContext(work));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private int pendingMultipartUploads() {
        return blobs.getBlobStore().listMultipartUploads(BUCKET).size();
    }

    @Test
    void storesReadsListsAndDeletes() throws Exception {
        ObjectInfo info = storage.put("tenant-a/course-1/notes.txt", bytes("hello"), 5, "text/plain");

        assertThat(info.sha256()).isEqualTo(sha256("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(info.size()).isEqualTo(5);
        try (InputStream in = storage.get("tenant-a/course-1/notes.txt").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        // The key prefix keeps the platform's objects in their own folder of the bucket.
        assertThat(blobs.getBlobStore().blobExists(BUCKET, "classentra/tenant-a/course-1/notes.txt")).isTrue();
        storage.put("tenant-a/course-2/a.bin", bytes("x"), 1, "application/octet-stream");
        storage.put("tenant-b/b.bin", bytes("y"), 1, null);

        assertThat(storage.list("tenant-a/", null, 10)).extracting(ObjectInfo::key)
                .containsExactly("tenant-a/course-1/notes.txt", "tenant-a/course-2/a.bin");
        assertThat(storage.list("", "tenant-a/course-2/a.bin", 10)).extracting(ObjectInfo::key)
                .containsExactly("tenant-b/b.bin");
        ObjectInfo stat = storage.stat("tenant-a/course-1/notes.txt").orElseThrow();
        assertThat(stat.contentType()).isEqualTo("text/plain");
        assertThat(stat.sha256()).isEqualTo(info.sha256());
        assertThat(storage.list("tenant-a/", null, 10).getFirst().sha256()).isEqualTo(info.sha256());

        assertThat(storage.delete("tenant-a/course-1/notes.txt")).isTrue();
        assertThat(storage.get("tenant-a/course-1/notes.txt")).isEmpty();
        assertThat(storage.stat("tenant-a/course-1/notes.txt")).isEmpty();
        assertThat(storage.delete("tenant-a/course-1/notes.txt")).isFalse();
        assertThat(storage.checkHealth().healthy()).isTrue();
    }

    @Test
    void listingPagesWithStartAfter() throws Exception {
        for (String name : new String[] {"e", "a", "d", "b", "c"}) {
            storage.put("page/" + name + ".txt", bytes(name), 1, "text/plain");
        }
        var first = storage.list("page/", null, 2);
        var second = storage.list("page/", first.getLast().key(), 2);
        var third = storage.list("page/", second.getLast().key(), 2);

        assertThat(first).extracting(ObjectInfo::key).containsExactly("page/a.txt", "page/b.txt");
        assertThat(second).extracting(ObjectInfo::key).containsExactly("page/c.txt", "page/d.txt");
        assertThat(third).extracting(ObjectInfo::key).containsExactly("page/e.txt");
        assertThat(storage.list("page/", "page/e.txt", 2)).isEmpty();
    }

    @Test
    void keysThisPlatformDoesNotWriteAreSkippedAndAPageIsFilledFromTheFollowingOnes() throws Exception {
        storage.put("mixed/a.txt", bytes("a"), 1, "text/plain");
        // Put into the bucket by other means: a folder marker and names the platform never makes.
        for (String foreign : new String[] {"mixed/b/", "mixed/b c.txt", "mixed/b//d.txt"}) {
            blobs.getBlobStore().putBlob(BUCKET, blobs.getBlobStore().blobBuilder(foreign).payload("x").build());
        }
        storage.put("mixed/c.txt", bytes("c"), 1, "text/plain");

        assertThat(storage.list("mixed/", null, 2)).extracting(ObjectInfo::key).containsExactly("mixed/a.txt", "mixed/c.txt");
        assertThat(storage.list("mixed/", "mixed/a.txt", 1)).extracting(ObjectInfo::key).containsExactly("mixed/c.txt");
        assertThat(storage.list("mixed/", "mixed/c.txt", 5)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.txt", "a/../../outside.txt", "/etc/passwd", "a//b", "a/./b", ".hidden",
            "a\\..\\b", "a/b/", "", "tenant/%2e%2e/x", "a/b\u0000c"})
    void refusesKeysThatCouldEscapeThePrefix(String key) {
        assertThatThrownBy(() -> storage.put(key, bytes("x"), 1, "text/plain"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
        assertThat(blobs.getBlobStore().list(BUCKET)).isEmpty();
    }

    @Test
    void largeContentGoesUpInPartsAndReadsBackIdentical() throws Exception {
        byte[] content = new byte[11 * MIB + 123];
        new Random(42).nextBytes(content);

        ObjectInfo info = storage.put("recordings/lesson-1.webm", new ByteArrayInputStream(content), content.length, "video/webm");

        assertThat(info.sha256()).isEqualTo(sha256(content));
        assertThat(info.size()).isEqualTo(content.length);
        try (InputStream in = storage.get("recordings/lesson-1.webm").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(storage.stat("recordings/lesson-1.webm").orElseThrow().sha256()).isEqualTo(sha256(content));
        // A multipart ETag ends in the part count: 5 MiB, 5 MiB and the rest.
        assertThat(blobs.getBlobStore().blobMetadata(BUCKET, "classentra/recordings/lesson-1.webm").getETag()).endsWith("-3\"");
        assertThat(pendingMultipartUploads()).isZero();
        try (var spooled = Files.list(work.resolve("incoming"))) {
            assertThat(spooled).isEmpty();
        }
    }

    @Test
    void aFailedPartAbortsTheUploadSoNothingIsLeftBehind() {
        byte[] content = new byte[11 * MIB];
        failSecondPart.set(true);

        assertThatThrownBy(() -> storage.put("recordings/broken.webm", new ByteArrayInputStream(content), content.length, "video/webm"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.RETRYABLE));

        assertThat(pendingMultipartUploads()).isZero();
        assertThat(blobs.getBlobStore().list(BUCKET)).isEmpty();
    }

    @Test
    void aStreamShorterOrLongerThanItsSizeLeavesNothing() {
        assertThatThrownBy(() -> storage.put("short.bin", bytes("abc"), 10, null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT))
                .hasMessageContaining("Expected 10 bytes");
        assertThatThrownBy(() -> storage.put("long.bin", bytes("abcdef"), 3, null)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> storage.put("short-large.bin", new ByteArrayInputStream(new byte[6 * MIB]), 12L * MIB, null))
                .isInstanceOf(ProviderException.class).hasMessageContaining("Expected " + 12L * MIB + " bytes");
        assertThatThrownBy(() -> storage.put("huge.bin", bytes("x"), S3ObjectStorage.MAX_OBJECT_BYTES + 1, null))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));

        assertThat(blobs.getBlobStore().list(BUCKET)).isEmpty();
        assertThat(pendingMultipartUploads()).isZero();
    }

    @Test
    void presignedLinksDownloadUnderTheFilenameAndAreRefusedWhenTamperedOrExpired() throws Exception {
        byte[] content = "%PDF-1.7 lesson notes".getBytes(StandardCharsets.UTF_8);
        storage.put("materials/notes.pdf", new ByteArrayInputStream(content), content.length, "application/pdf");
        HttpClient http = HttpClient.newHttpClient();

        URI link = storage.presignedDownload("materials/notes.pdf", Duration.ofMinutes(2), "Leçon 1 \"notes\".pdf").orElseThrow();
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"Le_on 1 _notes_.pdf\"; filename*=UTF-8''Le%C3%A7on%201%20_notes_.pdf");
        assertThat(link.getQuery()).contains("X-Amz-Expires=120");

        URI otherObject = URI.create(link.toString().replace("notes.pdf?", "other.pdf?"));
        assertThat(http.send(HttpRequest.newBuilder(otherObject).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        String signature = link.getQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        URI forged = URI.create(link.toString().replace(signature, new StringBuilder(signature).reverse().toString()));
        assertThat(http.send(HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        // The settings cap the validity (5 minutes by default) whatever the caller asks for.
        URI capped = storage.presignedDownload("materials/notes.pdf", Duration.ofDays(1), "notes.pdf").orElseThrow();
        assertThat(capped.getQuery()).contains("X-Amz-Expires=300");

        URI shortLived = storage.presignedDownload("materials/notes.pdf", Duration.ofSeconds(1), "notes.pdf").orElseThrow();
        Thread.sleep(2_100);
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(shortLived).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("expired");
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAsMisconfigured() throws Exception {
        Map<String, String> values = settings();
        values.put(S3StorageProvider.SECRET_ACCESS_KEY, "not-the-secret-0123456789");
        try (ObjectStorage wrong = storage(values)) {
            assertThatThrownBy(() -> wrong.put("a.txt", bytes("x"), 1, "text/plain")).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.MISCONFIGURED);
                // s3proxy answers 403 with its code, or, now and then, closes the connection before reading the upload;
                // then the bucket's own answer (a HEAD, without a body) says why.
                assertThat(e.getMessage()).containsAnyOf("SignatureDoesNotMatch", "(Forbidden, HTTP 403)").doesNotContain("not-the-secret");
            });
            var health = wrong.checkHealth();
            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).startsWith("Bucket classentra-test is not usable:").doesNotContain("not-the-secret");
        }
        assertThat(blobs.getBlobStore().list(BUCKET)).isEmpty();
    }

    @Test
    void aMissingBucketIsAConfigurationProblem() throws Exception {
        Map<String, String> values = settings();
        values.put(S3StorageProvider.BUCKET, "no-such-bucket");
        try (ObjectStorage missing = storage(values)) {
            var health = missing.checkHealth();
            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).isEqualTo("Bucket no-such-bucket is not usable: the bucket does not exist (NoSuchBucket, HTTP 404).");
            assertThatThrownBy(() -> missing.put("a.txt", bytes("x"), 1, "text/plain")).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.MISCONFIGURED));
        }
    }
}
