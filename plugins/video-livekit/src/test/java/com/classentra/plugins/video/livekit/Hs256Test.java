package com.classentra.plugins.video.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class Hs256Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTokenSignedWithTheSecretVerifiesWithItAndWithNoOtherSecret() throws Exception {
        ObjectNode claims = JSON.createObjectNode().put("iss", "devkey").put("sub", "u1");
        String token = Hs256.sign(claims, "secret");

        assertThat(Hs256.verify(token, "secret")).isEqualTo(claims);
        assertThatThrownBy(() -> Hs256.verify(token, "secreT")).isInstanceOf(Hs256.InvalidToken.class)
                .hasMessage("the signature does not match the API secret");
    }

    @Test
    void theSignatureIsTheKnownHmacOfHeaderAndClaims() throws Exception {
        // RFC 7515 A.1's construction with a short key: header.payload signed with HMAC-SHA256 over ASCII.
        String token = Hs256.sign(JSON.createObjectNode().put("sub", "x"), "k");
        String[] parts = token.split("\\.");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(parts[2]).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    }

    @Test
    void changedClaimsAnUnsignedTokenAndGarbageAreRefused() {
        String token = Hs256.sign(JSON.createObjectNode().put("sub", "student"), "secret");
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"teacher\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Hs256.verify(parts[0] + "." + otherClaims + "." + parts[2], "secret"))
                .hasMessage("the signature does not match the API secret");

        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Hs256.verify(none + "." + parts[1] + ".", "secret")).hasMessage("signed with none, not HS256");
        assertThatThrownBy(() -> Hs256.verify("a.b", "secret")).hasMessage("not a JSON Web Token");
        assertThatThrownBy(() -> Hs256.verify("%%.%%.%%", "secret")).hasMessage("it is not base64url-encoded JSON");
        assertThatThrownBy(() -> Hs256.verify(null, "secret")).hasMessage("not a JSON Web Token");
    }
}
