package com.classentra.plugins.video.daily;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoEvent.ParticipantPresence;
import com.classentra.plugin.api.video.VideoEvent.RecordingInfo;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Daily's webhooks: {@code X-Webhook-Signature} is the base64 HMAC-SHA256, keyed with the base64-decoded webhook
 * secret, of {@code X-Webhook-Timestamp + "." + body}. A timestamp more than five minutes away from now is refused, so
 * a captured request cannot be played again later. The one unsigned request accepted is Daily's check, when the webhook
 * is created, that the address answers: a body that is not an event, which is read as a {@link VideoEvent.Kind#PING}.
 */
final class DailyWebhooks {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] key;

    DailyWebhooks(String secret) {
        this.key = Base64.getDecoder().decode(secret);
    }

    VideoEvent read(WebhookRequest request) throws ProviderException {
        byte[] body = request.body();
        String signature = request.header("X-Webhook-Signature");
        String timestamp = request.header("X-Webhook-Timestamp");
        if (signature == null && timestamp == null) {
            if (isEvent(body)) {
                throw refused("it is not signed");
            }
            return new VideoEvent(null, VideoEvent.Kind.PING, null, null, null, null);
        }
        verify(signature, timestamp, body, request.receivedAt());
        JsonNode event;
        try {
            event = DailyApi.JSON.readTree(body);
        } catch (JacksonException e) {
            throw refused("its body is not JSON");
        }
        String id = event.path("id").asString("");
        String type = event.path("type").asString("");
        if (id.isEmpty() || type.isEmpty()) {
            return new VideoEvent(null, VideoEvent.Kind.PING, null, null, null, null);
        }
        JsonNode payload = event.path("payload");
        Instant sent = seconds(event.path("event_ts"));
        String room = payload.path("room").asString(payload.path("room_name").asString(null));
        return switch (type) {
            case "participant.joined" -> {
                ParticipantPresence who = presence(payload);
                yield new VideoEvent(id, VideoEvent.Kind.PARTICIPANT_JOINED, room, orElse(who.joinedAt(), sent), who, null);
            }
            case "participant.left" -> {
                ParticipantPresence who = presence(payload);
                Instant left = who.joinedAt() != null && payload.path("duration").isNumber()
                        ? who.joinedAt().plusSeconds(payload.path("duration").asLong()) : sent;
                yield new VideoEvent(id, VideoEvent.Kind.PARTICIPANT_LEFT, room, orElse(left, sent), who, null);
            }
            case "meeting.ended" -> new VideoEvent(id, VideoEvent.Kind.ROOM_FINISHED, room, orElse(seconds(payload.path("end_ts")), sent), null, null);
            case "recording.started" -> new VideoEvent(id, VideoEvent.Kind.RECORDING_STARTED, room, orElse(seconds(payload.path("start_ts")), sent),
                    null, new RecordingInfo(recordingId(payload, id), seconds(payload.path("start_ts")), null, null, null, null));
            case "recording.ready-to-download" -> new VideoEvent(id, VideoEvent.Kind.RECORDING_READY, room, sent, null,
                    new RecordingInfo(recordingId(payload, id), seconds(payload.path("start_ts")),
                            payload.path("duration").isNumber() ? Duration.ofSeconds(payload.path("duration").asLong()) : null, null,
                            payload.path("s3_key").asString(null), null));
            case "recording.error" -> new VideoEvent(id, VideoEvent.Kind.RECORDING_FAILED, room, sent, null,
                    new RecordingInfo(recordingId(payload, id), null, null, null, null, payload.path("error_msg").asString("Daily could not record")));
            default -> new VideoEvent(id, VideoEvent.Kind.OTHER, room, orElse(sent, Instant.EPOCH), null, null);
        };
    }

    private void verify(String signature, String timestamp, byte[] body, Instant receivedAt) throws ProviderException {
        if (signature == null || timestamp == null) {
            throw refused("it lacks X-Webhook-Signature or X-Webhook-Timestamp");
        }
        Instant signedAt;
        try {
            long value = Long.parseLong(timestamp.strip());
            signedAt = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        } catch (NumberFormatException e) {
            throw refused("its timestamp is not a number");
        }
        byte[] expected = hmac((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), body);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw refused("its signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused("its signature does not match the webhook secret");
        }
        if (Duration.between(signedAt, receivedAt).abs().compareTo(MAX_AGE) > 0) {
            throw refused("it was signed at " + signedAt + ", more than " + MAX_AGE.toMinutes() + " minutes from now");
        }
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean isEvent(byte[] body) {
        try {
            return DailyApi.JSON.readTree(body).has("type");
        } catch (JacksonException e) {
            return false;
        }
    }

    private static ParticipantPresence presence(JsonNode payload) throws ProviderException {
        String session = payload.path("session_id").asString("");
        if (session.isEmpty()) {
            throw refused("a participant event without the participant's session");
        }
        return new ParticipantPresence(payload.path("user_id").asString(""), session, payload.path("user_name").asString(""),
                seconds(payload.path("joined_at")));
    }

    private static String recordingId(JsonNode payload, String eventId) {
        String id = payload.path("recording_id").asString("");
        return id.isEmpty() ? payload.path("instance_id").asString("unknown-" + eventId) : id;
    }

    private static Instant seconds(JsonNode value) {
        return value.isNumber() ? Instant.ofEpochMilli(Math.round(value.asDouble() * 1000)) : null;
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return value != null ? value : fallback != null ? fallback : Instant.EPOCH;
    }

    private static ProviderException refused(String why) {
        return new ProviderException(Kind.PERMANENT, "Refused a Daily webhook: " + why);
    }
}
