package com.classentra.plugins.email.ses;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes an AWS Signature Version 4 from the request WireMock received and a known secret, written from the
 * published algorithm and independent of the SDK: canonical request, string to sign, derived signing key.
 */
final class SigV4Check {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    private SigV4Check() {
    }

    /** The parts of the Authorization header, or null when it is not a SigV4 header. */
    record Authorization(String accessKeyId, String date, String region, String service, String signedHeaders, String signature) {

        static Authorization of(Request request) {
            String header = request.getHeader("Authorization");
            Matcher m = header == null ? null : AUTHORIZATION.matcher(header);
            return m == null || !m.matches() ? null
                    : new Authorization(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
        }
    }

    static boolean signatureMatches(Request request, String secret) {
        Authorization auth = Authorization.of(request);
        return auth != null && expectedSignature(request, auth, secret).equals(auth.signature());
    }

    static String expectedSignature(Request request, Authorization auth, String secret) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : auth.signedHeaders().split(";")) {
            canonicalHeaders.append(name).append(':')
                    .append(request.getHeader(name).strip().replaceAll(" +", " ")).append('\n');
        }
        String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?')) : request.getUrl();
        String canonicalRequest = String.join("\n", request.getMethod().getName(), path, canonicalQuery(request.getUrl()),
                canonicalHeaders.toString(), auth.signedHeaders(), hex(sha256(request.getBody())));
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", request.getHeader("X-Amz-Date"), scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** Query parameters sorted by name; the SES calls under test carry none or already-encoded simple ones. */
    private static String canonicalQuery(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return "";
        }
        return java.util.Arrays.stream(url.substring(question + 1).split("&"))
                .map(p -> p.contains("=") ? p : p + "=").sorted().reduce((a, b) -> a + "&" + b).orElse("");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
