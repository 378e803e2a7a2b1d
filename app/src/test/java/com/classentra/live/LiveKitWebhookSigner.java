package com.classentra.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a webhook body as a LiveKit server does: an HS256 token issued by the API key, with the body's SHA-256. */
final class LiveKitWebhookSigner {

    private LiveKitWebhookSigner() {
    }

    static String authorization(String body, String apiKey, String apiSecret, Instant issued) throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        String claims = "{\"iss\":\"%s\",\"nbf\":%d,\"exp\":%d,\"sha256\":\"%s\"}".formatted(apiKey, issued.getEpochSecond(),
                issued.plus(Duration.ofMinutes(5)).getEpochSecond(), hash);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + "." + url.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }
}
