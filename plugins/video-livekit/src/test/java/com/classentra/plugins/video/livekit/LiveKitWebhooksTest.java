package com.classentra.plugins.video.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoEvent.ParticipantPresence;
import com.classentra.plugin.api.video.VideoEvent.RecordingInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Webhooks signed as LiveKit's server signs them (protocol webhook/url_notifier.go), then tampered with. */
class LiveKitWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:05:00Z");
    private static final String JOINED = """
            {"event":"participant_joined","room":{"sid":"RM_x7","name":"s-4f1c","emptyTimeout":600,"creationTime":"1796666400"},
             "participant":{"sid":"PA_a1","identity":"9b2d","name":"Ana Alves","state":"ACTIVE","joinedAt":"1796666700"},
             "id":"EV_j1","createdAt":"1796666700"}""";

    private final LiveKitWebhooks webhooks = new LiveKitWebhooks(LiveKitTokens.KEY, LiveKitTokens.SECRET);

    /** What LiveKit sends: the raw token (no "Bearer"), issued by the key, valid five minutes, with the body's hash. */
    private static WebhookRequest signed(String body, String key, String secret, Instant issued) throws Exception {
        ObjectNode claims = JsonMapper.builder().build().createObjectNode()
                .put("iss", key).put("nbf", issued.getEpochSecond()).put("iat", issued.getEpochSecond())
                .put("exp", issued.plus(Duration.ofMinutes(5)).getEpochSecond())
                .put("sha256", Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
        return new WebhookRequest(Map.of("authorization", Hs256.sign(claims, secret), "content-type", "application/webhook+json"),
                body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void aSignedParticipantJoinedIsReadWithWhoAndWhen() throws Exception {
        VideoEvent event = webhooks.read(signed(JOINED, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW.minusSeconds(2)));

        assertThat(event).isEqualTo(new VideoEvent("EV_j1", VideoEvent.Kind.PARTICIPANT_JOINED, "s-4f1c", Instant.ofEpochSecond(1796666700L),
                new ParticipantPresence("9b2d", "PA_a1", "Ana Alves", Instant.ofEpochSecond(1796666700L)), null));
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        WebhookRequest genuine = signed(JOINED, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW);
        byte[] forged = JOINED.replace("9b2d", "7777").getBytes(StandardCharsets.UTF_8);

        assertRefused(new WebhookRequest(genuine.headers(), forged, NOW), "its body is not the one its token was signed for");
    }

    @Test
    void anotherSecretAnotherKeyALateTokenAndNoTokenAreRefused() throws Exception {
        assertRefused(signed(JOINED, LiveKitTokens.KEY, "another-secret-of-another-project-000000", NOW),
                "its token is not valid: the signature does not match the API secret");
        assertRefused(signed(JOINED, "APIother", LiveKitTokens.SECRET, NOW), "its token was issued by another API key");
        assertRefused(signed(JOINED, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW.minus(Duration.ofMinutes(7))), "its token has expired");
        assertRefused(signed(JOINED, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW.plus(Duration.ofMinutes(3))), "its token is not valid yet");
        assertRefused(new WebhookRequest(Map.of(), JOINED.getBytes(StandardCharsets.UTF_8), NOW), "it carries no Authorization token");
    }

    @Test
    void aBearerPrefixIsAcceptedAsTheSdksAcceptIt() throws Exception {
        WebhookRequest raw = signed(JOINED, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW);
        WebhookRequest bearer = new WebhookRequest(Map.of("authorization", "Bearer " + raw.header("Authorization")), raw.body(), NOW);

        assertThat(webhooks.read(bearer).eventId()).isEqualTo("EV_j1");
    }

    @Test
    void leavingAndTheRoomFinishingAreRead() throws Exception {
        String left = JOINED.replace("participant_joined", "participant_left").replace("EV_j1", "EV_l1")
                .replace("\"createdAt\":\"1796666700\"", "\"createdAt\":\"1796669100\"");
        VideoEvent leftEvent = webhooks.read(signed(left, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW));
        assertThat(leftEvent.kind()).isEqualTo(VideoEvent.Kind.PARTICIPANT_LEFT);
        assertThat(leftEvent.occurredAt()).isEqualTo(Instant.ofEpochSecond(1796669100L));
        assertThat(leftEvent.participant().sessionId()).isEqualTo("PA_a1");

        String finished = "{\"event\":\"room_finished\",\"room\":{\"sid\":\"RM_x7\",\"name\":\"s-4f1c\"},\"id\":\"EV_f1\",\"createdAt\":\"1796670000\"}";
        assertThat(webhooks.read(signed(finished, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW)))
                .isEqualTo(new VideoEvent("EV_f1", VideoEvent.Kind.ROOM_FINISHED, "s-4f1c", Instant.ofEpochSecond(1796670000L), null, null));

        String track = "{\"event\":\"track_published\",\"room\":{\"name\":\"s-4f1c\"},\"id\":\"EV_t1\",\"createdAt\":\"1796666701\"}";
        assertThat(webhooks.read(signed(track, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW)).kind()).isEqualTo(VideoEvent.Kind.OTHER);
    }

    @Test
    void anEndedEgressBringsTheRecordingsLengthSizeAndPlaceInNanoseconds() throws Exception {
        String ended = """
                {"event":"egress_ended","egressInfo":{"egressId":"EG_rec1","roomId":"RM_x7","roomName":"s-4f1c","status":"EGRESS_COMPLETE",
                 "startedAt":"1796666800000000000","endedAt":"1796670400000000000",
                 "fileResults":[{"filename":"classentra/s-4f1c-1.mp4","startedAt":"1796666800000000000","endedAt":"1796670400000000000",
                 "duration":"3600000000000","size":"734003200","location":"https://bucket.example.org/classentra/s-4f1c-1.mp4"}]},
                 "id":"EV_e1","createdAt":"1796670401"}""";

        assertThat(webhooks.read(signed(ended, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW))).isEqualTo(new VideoEvent("EV_e1",
                VideoEvent.Kind.RECORDING_READY, "s-4f1c", Instant.ofEpochSecond(1796670401L), null,
                new RecordingInfo("EG_rec1", Instant.ofEpochSecond(1796666800L), Duration.ofHours(1), 734003200L,
                        "https://bucket.example.org/classentra/s-4f1c-1.mp4", null)));

        String failed = "{\"event\":\"egress_ended\",\"egressInfo\":{\"egressId\":\"EG_rec2\",\"roomName\":\"s-4f1c\",\"status\":\"EGRESS_FAILED\","
                + "\"error\":\"could not upload\"},\"id\":\"EV_e2\",\"createdAt\":\"1796670402\"}";
        VideoEvent failure = webhooks.read(signed(failed, LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW));
        assertThat(failure.kind()).isEqualTo(VideoEvent.Kind.RECORDING_FAILED);
        assertThat(failure.recording().failure()).isEqualTo("could not upload");
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRefused() throws Exception {
        assertRefused(signed("not json", LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW), "its body is not JSON");
        assertRefused(signed("{\"event\":\"room_started\"}", LiveKitTokens.KEY, LiveKitTokens.SECRET, NOW), "it has no event id");
    }

    private void assertRefused(WebhookRequest request, String why) {
        assertThatThrownBy(() -> webhooks.read(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).isEqualTo("Refused a LiveKit webhook: " + why);
        });
    }
}
