package com.classentra.plugins.video.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decodes tokens the way a LiveKit server checks them: the HS256 signature with the secret first, then the claims. */
final class LiveKitTokens {

    static final String KEY = "APIq7Xk2Lm";
    static final String SECRET = "s3cr3t-with-enough-characters-for-livekit-0123";

    private LiveKitTokens() {
    }

    static JsonNode claims(String token) throws Exception {
        JsonNode header = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        return Hs256.verify(token, SECRET);
    }

    static String bearer(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }
}
