package com.classentra.plugins.video.livekit;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoEvent.ParticipantPresence;
import com.classentra.plugin.api.video.VideoEvent.RecordingInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * LiveKit's webhooks: {@code Authorization} holds a token signed with the API secret, issued by the API key, whose
 * {@code sha256} claim is the base64 SHA-256 of the exact body. Nothing of the body is read before all of that holds.
 */
final class LiveKitWebhooks {

    /** LiveKit's own verifier allows a minute of clock difference. */
    private static final Duration LEEWAY = Duration.ofMinutes(1);

    private final String apiKey;
    private final String apiSecret;

    LiveKitWebhooks(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    VideoEvent read(WebhookRequest request) throws ProviderException {
        byte[] body = request.body();
        verify(request.header("Authorization"), body, request.receivedAt());
        JsonNode event;
        try {
            event = LiveKitApi.JSON.readTree(body);
        } catch (JacksonException e) {
            throw refused("its body is not JSON");
        }
        String id = event.path("id").asString("");
        if (id.isEmpty()) {
            throw refused("it has no event id");
        }
        String type = event.path("event").asString("");
        Instant at = Instant.ofEpochSecond(LiveKitJson.number(event, "created_at", "createdAt"));
        String room = event.path("room").path("name").asString(null);
        JsonNode egress = LiveKitJson.field(event, "egress_info", "egressInfo");
        return switch (type) {
            case "participant_joined" -> new VideoEvent(id, VideoEvent.Kind.PARTICIPANT_JOINED, room, at, presence(event), null);
            case "participant_left", "participant_connection_aborted" ->
                    new VideoEvent(id, VideoEvent.Kind.PARTICIPANT_LEFT, room, at, presence(event), null);
            case "room_finished" -> new VideoEvent(id, VideoEvent.Kind.ROOM_FINISHED, room, at, null, null);
            case "egress_started" -> new VideoEvent(id, VideoEvent.Kind.RECORDING_STARTED, egressRoom(egress, room), at, null, recording(egress));
            case "egress_ended" -> new VideoEvent(id, ended(egress), egressRoom(egress, room), at, null, recording(egress));
            default -> new VideoEvent(id, VideoEvent.Kind.OTHER, room, at, null, null);
        };
    }

    private void verify(String authorization, byte[] body, Instant receivedAt) throws ProviderException {
        if (authorization == null || authorization.isBlank()) {
            throw refused("it carries no Authorization token");
        }
        String token = authorization.strip().startsWith("Bearer ") ? authorization.strip().substring(7) : authorization.strip();
        JsonNode claims;
        try {
            claims = Hs256.verify(token, apiSecret);
        } catch (Hs256.InvalidToken e) {
            throw refused("its token is not valid: " + e.getMessage());
        }
        if (!apiKey.equals(claims.path("iss").asString(""))) {
            throw refused("its token was issued by another API key");
        }
        long expires = claims.path("exp").asLong(0);
        if (expires == 0 || receivedAt.minus(LEEWAY).isAfter(Instant.ofEpochSecond(expires))) {
            throw refused("its token has expired");
        }
        long notBefore = claims.path("nbf").asLong(0);
        if (notBefore != 0 && receivedAt.plus(LEEWAY).isBefore(Instant.ofEpochSecond(notBefore))) {
            throw refused("its token is not valid yet");
        }
        String claimed = claims.path("sha256").asString("");
        if (!MessageDigest.isEqual(claimed.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Base64.getEncoder().encodeToString(sha256(body)).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw refused("its body is not the one its token was signed for");
        }
    }

    private static ParticipantPresence presence(JsonNode event) throws ProviderException {
        JsonNode participant = event.path("participant");
        String sid = participant.path("sid").asString("");
        if (sid.isEmpty()) {
            throw refused("a participant event without the participant");
        }
        long joined = LiveKitJson.number(participant, "joined_at", "joinedAt");
        return new ParticipantPresence(participant.path("identity").asString(""), sid, participant.path("name").asString(""),
                joined == 0 ? null : Instant.ofEpochSecond(joined));
    }

    /** Egress reports in nanoseconds. */
    private static RecordingInfo recording(JsonNode egress) throws ProviderException {
        String egressId = LiveKitJson.text(egress, "egress_id", "egressId");
        if (egressId.isEmpty()) {
            throw refused("an egress event without the egress");
        }
        long started = LiveKitJson.number(egress, "started_at", "startedAt");
        JsonNode file = LiveKitJson.field(egress, "file_results", "fileResults").path(0);
        long duration = LiveKitJson.number(file, "duration", "duration");
        long size = LiveKitJson.number(file, "size", "size");
        String location = LiveKitJson.text(file, "location", "location");
        String status = egress.path("status").asString("");
        String error = egress.path("error").asString("");
        if (error.isEmpty() && (status.equals("EGRESS_FAILED") || status.equals("EGRESS_ABORTED"))) {
            error = "LiveKit Egress ended as " + status;
        }
        return new RecordingInfo(egressId, started == 0 ? null : Instant.ofEpochSecond(0, started),
                duration == 0 ? null : Duration.ofNanos(duration), size == 0 ? null : size, location.isEmpty() ? null : location,
                error.isEmpty() ? null : error);
    }

    /** EGRESS_COMPLETE and EGRESS_LIMIT_REACHED leave a file; EGRESS_FAILED and EGRESS_ABORTED do not. */
    private static VideoEvent.Kind ended(JsonNode egress) {
        String status = egress.path("status").asString("");
        return status.equals("EGRESS_COMPLETE") || status.equals("EGRESS_LIMIT_REACHED") ? VideoEvent.Kind.RECORDING_READY
                : VideoEvent.Kind.RECORDING_FAILED;
    }

    private static String egressRoom(JsonNode egress, String room) {
        String name = LiveKitJson.text(egress, "room_name", "roomName");
        return name.isEmpty() ? room : name;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static ProviderException refused(String why) {
        return new ProviderException(Kind.PERMANENT, "Refused a LiveKit webhook: " + why);
    }
}
