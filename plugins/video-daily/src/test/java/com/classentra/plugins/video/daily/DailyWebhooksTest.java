package com.classentra.plugins.video.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoEvent.ParticipantPresence;
import com.classentra.plugin.api.video.VideoEvent.RecordingInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhooks signed as Daily signs them, then tampered with, signed with another secret, or sent late. */
class DailyWebhooksTest {

    private static final String SECRET = Base64.getEncoder().encodeToString("the-webhook-hmac-secret-of-daily".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-12-08T10:01:00Z");
    private static final String JOINED = """
            {"version":"1.0.0","type":"participant.joined","id":"ptcpt-join-6497c79b","event_ts":1796724060.12,
             "payload":{"room":"s-4f1c","user_id":"9b2d","user_name":"Ana Alves","session_id":"0c0d2dda-f21d-4cf9-ab56-86bf3c407ffa",
             "joined_at":1796724058.5,"will_eject_at":1796728500,"owner":false,"permissions":{"hasPresence":true,"canSend":false}}}""";

    private final DailyWebhooks webhooks = new DailyWebhooks(SECRET);

    private static WebhookRequest signed(String body, String secret, Instant signedAt) throws Exception {
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return new WebhookRequest(Map.of("x-webhook-signature", signature, "x-webhook-timestamp", timestamp, "content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void aSignedJoinIsReadWithWhoAndWhen() throws Exception {
        assertThat(webhooks.read(signed(JOINED, SECRET, NOW.minusSeconds(1)))).isEqualTo(new VideoEvent("ptcpt-join-6497c79b",
                VideoEvent.Kind.PARTICIPANT_JOINED, "s-4f1c", Instant.parse("2026-12-08T10:00:58.500Z"),
                new ParticipantPresence("9b2d", "0c0d2dda-f21d-4cf9-ab56-86bf3c407ffa", "Ana Alves", Instant.parse("2026-12-08T10:00:58.500Z")), null));
    }

    @Test
    void aLeaveEndsAtJoinPlusDuration() throws Exception {
        String left = JOINED.replace("participant.joined", "participant.left").replace("ptcpt-join-6497c79b", "ptcpt-left-1")
                .replace("\"owner\":false", "\"owner\":false,\"duration\":3000");

        VideoEvent event = webhooks.read(signed(left, SECRET, NOW));

        assertThat(event.kind()).isEqualTo(VideoEvent.Kind.PARTICIPANT_LEFT);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-08T10:50:58.500Z"));
    }

    @Test
    void aTamperedBodyAnotherSecretAStaleOrFutureTimestampAndAMissingSignatureAreRefused() throws Exception {
        WebhookRequest genuine = signed(JOINED, SECRET, NOW);
        assertRefused(new WebhookRequest(genuine.headers(), JOINED.replace("9b2d", "7777").getBytes(StandardCharsets.UTF_8), NOW),
                "its signature does not match the webhook secret");
        assertRefused(signed(JOINED, Base64.getEncoder().encodeToString("another-secret-entirely-000000".getBytes(StandardCharsets.UTF_8)), NOW),
                "its signature does not match the webhook secret");
        assertRefused(signed(JOINED, SECRET, NOW.minus(Duration.ofMinutes(6))), "it was signed at 2026-12-08T09:55:00Z, more than 5 minutes from now");
        assertRefused(signed(JOINED, SECRET, NOW.plus(Duration.ofMinutes(6))), "it was signed at 2026-12-08T10:07:00Z, more than 5 minutes from now");
        assertRefused(new WebhookRequest(Map.of("x-webhook-timestamp", "1796724060"), JOINED.getBytes(StandardCharsets.UTF_8), NOW),
                "it lacks X-Webhook-Signature or X-Webhook-Timestamp");
        assertRefused(new WebhookRequest(Map.of(), JOINED.getBytes(StandardCharsets.UTF_8), NOW), "it is not signed");
        assertRefused(new WebhookRequest(Map.of("x-webhook-signature", "%%%", "x-webhook-timestamp", "1796724060"),
                JOINED.getBytes(StandardCharsets.UTF_8), NOW), "its signature is not base64");
    }

    @Test
    void theCheckDailyMakesWhenAWebhookIsCreatedIsAPingThatCarriesNothing() throws Exception {
        VideoEvent ping = webhooks.read(new WebhookRequest(Map.of(), "{\"test\":\"test\"}".getBytes(StandardCharsets.UTF_8), NOW));

        assertThat(ping.kind()).isEqualTo(VideoEvent.Kind.PING);
        assertThat(ping.eventId()).isNull();
    }

    @Test
    void recordingsAreReadWithTheirIdLengthAndKey() throws Exception {
        String ready = """
                {"version":"1.0.0","type":"recording.ready-to-download","id":"rec-rtd-1","event_ts":1796728600,
                 "payload":{"type":"cloud","recording_id":"08fa0b24-9220-44c5-846c-3f116cf8e738","room_name":"s-4f1c","start_ts":1796724100,
                 "status":"finished","max_participants":12,"duration":3600,"s3_key":"school/s-4f1c/1796724100.mp4"}}""";
        assertThat(webhooks.read(signed(ready, SECRET, NOW))).isEqualTo(new VideoEvent("rec-rtd-1", VideoEvent.Kind.RECORDING_READY, "s-4f1c",
                Instant.ofEpochSecond(1796728600L), null, new RecordingInfo("08fa0b24-9220-44c5-846c-3f116cf8e738",
                        Instant.ofEpochSecond(1796724100L), Duration.ofHours(1), null, "school/s-4f1c/1796724100.mp4", null)));

        String error = """
                {"version":"1.0.0","type":"recording.error","id":"rec-err-1","event_ts":1796724200,
                 "payload":{"action":"start-cloud-recording","error_msg":"recording is not enabled","instance_id":"c3df927c","room_name":"s-4f1c",
                 "timestamp":1796724200}}""";
        VideoEvent failed = webhooks.read(signed(error, SECRET, NOW));
        assertThat(failed.kind()).isEqualTo(VideoEvent.Kind.RECORDING_FAILED);
        assertThat(failed.recording()).isEqualTo(new RecordingInfo("c3df927c", null, null, null, null, "recording is not enabled"));
    }

    @Test
    void eventsOfNoUseAreStoredAsOther() throws Exception {
        String started = "{\"version\":\"1.0.0\",\"type\":\"meeting.started\",\"id\":\"met-sta-1\",\"event_ts\":1796724000,"
                + "\"payload\":{\"start_ts\":1796724000,\"meeting_id\":\"m1\",\"room\":\"s-4f1c\"}}";
        assertThat(webhooks.read(signed(started, SECRET, NOW)).kind()).isEqualTo(VideoEvent.Kind.OTHER);
        String ended = started.replace("meeting.started", "meeting.ended").replace("met-sta-1", "met-end-1")
                .replace("\"start_ts\":1796724000,", "\"start_ts\":1796724000,\"end_ts\":1796728500,");
        assertThat(webhooks.read(signed(ended, SECRET, NOW))).isEqualTo(new VideoEvent("met-end-1", VideoEvent.Kind.ROOM_FINISHED, "s-4f1c",
                Instant.ofEpochSecond(1796728500L), null, null));
    }

    private void assertRefused(WebhookRequest request, String why) {
        assertThatThrownBy(() -> webhooks.read(request)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(e.getMessage()).isEqualTo("Refused a Daily webhook: " + why);
        });
    }
}
