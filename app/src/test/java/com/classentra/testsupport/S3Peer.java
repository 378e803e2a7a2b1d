package com.classentra.testsupport;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server in this JVM (s3proxy over an in-memory blob store) that checks SigV4 signatures, with one
 * bucket, for tests of the S3 storage plugin loaded from its bundled jar.
 */
public final class S3Peer implements AutoCloseable {

    public static final String ACCESS_KEY = "classentra-app-test";
    public static final String SECRET = "classentra-app-test-secret-0123";
    public static final String BUCKET = "classentra-files";

    private final BlobStoreContext blobs;
    private final S3Proxy server;
    private volatile Consumer<String> duringRequest = name -> {
    };

    public S3Peer() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        // ignoreUnknownHeaders: s3proxy does not implement x-amz-checksum-sha256 and would answer 501 to it.
        server = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .ignoreUnknownHeaders(true).awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        // Asked for the store of every request, before the request is handled: where a test's hook runs.
        server.setBlobStoreLocator((identity, container, name) -> {
            if (name != null) {
                duringRequest.accept(name);
            }
            return ACCESS_KEY.equals(identity) ? Map.entry(SECRET, blobs.getBlobStore()) : null;
        });
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(5);
        }
    }

    public int port() {
        return server.getPort();
    }

    public BlobStore blobStore() {
        return blobs.getBlobStore();
    }

    /**
     * Runs {@code hook} with the object's name in every request for an object (HEAD, GET, PUT, DELETE), while the app
     * waits for the answer, so a test can look at the app's state then.
     */
    public void duringRequest(Consumer<String> hook) {
        duringRequest = hook;
    }

    /** Settings of the storage-s3 provider for this server, as an administrator would enter them. */
    public Map<String, String> storageSettings() {
        Map<String, String> values = new HashMap<>();
        values.put("service", "other-s3-compatible");
        values.put("endpoint", "http://127.0.0.1:" + port());
        values.put("bucket", BUCKET);
        values.put("accessKeyId", ACCESS_KEY);
        values.put("secretAccessKey", SECRET);
        values.put("pathStyle", "true");
        values.put("operatorName", "Example Storage GmbH");
        values.put("operatorLocation", "Germany");
        return values;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        blobs.close();
    }
}
