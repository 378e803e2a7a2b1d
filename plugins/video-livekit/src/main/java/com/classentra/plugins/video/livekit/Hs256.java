package com.classentra.plugins.video.livekit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Web Tokens signed with HMAC-SHA256, the only algorithm LiveKit issues and accepts. The key is the API secret's
 * bytes as they are: LiveKit's development secret is six characters, which JWT libraries that enforce RFC 7518's
 * 256-bit minimum refuse.
 */
final class Hs256 {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Hs256() {
    }

    static String sign(ObjectNode claims, String secret) {
        String signed = HEADER + "." + URL.encodeToString(JSON.writeValueAsBytes(claims));
        return signed + "." + URL.encodeToString(mac(signed, secret));
    }

    /** The token's claims when its header says HS256 and its signature is the secret's; otherwise {@link InvalidToken}. */
    static JsonNode verify(String token, String secret) throws InvalidToken {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidToken("not a JSON Web Token");
        }
        try {
            JsonNode header = JSON.readTree(URL_DECODER.decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asString(""))) {
                throw new InvalidToken("signed with " + header.path("alg").asString("no algorithm") + ", not HS256");
            }
            byte[] expected = mac(parts[0] + "." + parts[1], secret);
            if (!MessageDigest.isEqual(expected, URL_DECODER.decode(parts[2]))) {
                throw new InvalidToken("the signature does not match the API secret");
            }
            JsonNode claims = JSON.readTree(URL_DECODER.decode(parts[1]));
            if (!claims.isObject()) {
                throw new InvalidToken("its claims are not a JSON object");
            }
            return claims;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidToken("it is not base64url-encoded JSON");
        }
    }

    private static byte[] mac(String signed, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }
}
