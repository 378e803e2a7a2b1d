package com.classentra.plugins.storage.s3;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Compares what a server reports about a stored single-part object with the bytes that were sent. Amazon S3 and R2
 * verify the x-amz-checksum-sha256 header themselves and echo it; servers that ignore that header (s3proxy, for
 * one) still report an ETag that is the content's MD5 for a plain PUT, which is checked instead.
 */
final class StoredCopyCheck {

    private static final Pattern PLAIN_MD5_ETAG = Pattern.compile("\"?[0-9a-fA-F]{32}\"?");

    private StoredCopyCheck() {
    }

    /** A description of the difference, or null when the report matches or says nothing checkable. */
    static String mismatch(String reportedSha256, String eTag, byte[] sentSha256, byte[] sentMd5) {
        if (reportedSha256 != null) {
            String sent = Base64.getEncoder().encodeToString(sentSha256);
            return reportedSha256.equals(sent) ? null : "SHA-256 " + reportedSha256 + " instead of " + sent;
        }
        if (eTag != null && PLAIN_MD5_ETAG.matcher(eTag).matches()) {
            String stored = eTag.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
            String sent = HexFormat.of().formatHex(sentMd5);
            return stored.equals(sent) ? null : "MD5 " + stored + " instead of " + sent;
        }
        return null;
    }
}
