package com.classentra.plugins.video.daily;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.plugin.api.video.MeetingRoom;
import com.classentra.plugin.api.video.Participant;
import com.classentra.plugin.api.video.RoomRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoFeatures;
import com.classentra.plugin.api.video.VideoRooms;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Private Daily rooms that open and close with their session ({@code nbf}, {@code exp}, everybody put out at the end),
 * and meeting tokens that are always bound to one room and always expire: a token without {@code room_name} would open
 * every room of the domain, one without {@code exp} would never expire.
 */
final class DailyRooms implements VideoRooms {

    private final DailyApi api;
    private final DailyWebhooks webhooks;
    private final boolean recording;

    DailyRooms(DailyApi api, DailyWebhooks webhooks, boolean recording) {
        this.api = api;
        this.webhooks = webhooks;
        this.recording = recording;
    }

    /** Daily Prebuilt is served from each domain's own address, {@code https://<domain>.daily.co}. */
    @Override
    public VideoFeatures features() {
        return new VideoFeatures(true, recording, List.of("https://*.daily.co"));
    }

    /** Reads the domain's configuration: proves the address is Daily and the key is accepted. */
    @Override
    public HealthReport checkHealth() {
        try {
            JsonNode domain = api.get("/");
            return HealthReport.healthy("Daily accepted the API key of domain " + domain.path("domain_name").asString("?"));
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
    }

    @Override
    public MeetingRoom createRoom(RoomRequest request) throws ProviderException {
        ObjectNode body = DailyApi.JSON.createObjectNode().put("name", request.name()).put("privacy", "private");
        ObjectNode properties = body.putObject("properties")
                .put("nbf", request.opensAt().getEpochSecond())
                .put("exp", request.closesAt().getEpochSecond())
                .put("eject_at_room_exp", true)
                .put("max_participants", request.maxParticipants());
        if (recording && request.recording()) {
            properties.put("enable_recording", "cloud");
        }
        JsonNode room;
        try {
            room = api.post("/rooms", body);
        } catch (DailyApi.DailyFailure e) {
            if (e.status() != 400 || !e.info().toLowerCase(Locale.ROOT).contains("already exists")) {
                throw e;
            }
            // Made before (a retry, or the session moved): brought to this request's times and size.
            ObjectNode update = DailyApi.JSON.createObjectNode();
            update.set("properties", properties);
            room = api.post("/rooms/" + request.name(), update);
        }
        return room(room, request.name());
    }

    @Override
    public JoinGrant join(MeetingRoom room, Participant participant, Duration validity) throws ProviderException {
        Instant expires = Instant.now().plus(validity);
        ObjectNode properties = DailyApi.JSON.createObjectNode()
                .put("room_name", room.name())
                .put("exp", expires.getEpochSecond())
                .put("is_owner", participant.host())
                .put("user_name", participant.displayName())
                .put("user_id", participant.identity());
        if (!participant.canPublish()) {
            properties.putObject("permissions").put("canSend", false);
        }
        if (participant.host() && recording) {
            properties.put("enable_recording", "cloud");
        }
        ObjectNode body = DailyApi.JSON.createObjectNode();
        body.set("properties", properties);
        String token = api.post("/meeting-tokens", body).path("token").asString("");
        if (token.isEmpty()) {
            throw new ProviderException(Kind.RETRYABLE, "Daily answered POST /meeting-tokens without a token");
        }
        URI page = URI.create(room.url() + (room.url().getRawQuery() == null ? "?" : "&") + "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return new JoinGrant(page, token, expires);
    }

    @Override
    public void endRoom(String roomName) throws ProviderException {
        try {
            api.delete("/rooms/" + roomName);
        } catch (DailyApi.DailyFailure e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Ejects them and bans their user id for the rest of the meeting, so their token does not bring them back. */
    @Override
    public void removeParticipant(String roomName, String identity) throws ProviderException {
        ObjectNode body = DailyApi.JSON.createObjectNode().put("ban", true);
        body.putArray("user_ids").add(identity);
        try {
            api.post("/rooms/" + roomName + "/eject", body);
        } catch (DailyApi.DailyFailure e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Daily gives the recording's id in the recording.started webhook. */
    @Override
    public String startRecording(String roomName) throws ProviderException {
        if (!recording) {
            throw new ProviderException(Kind.MISCONFIGURED, "Recording is not allowed in this Daily provider's settings");
        }
        JsonNode started = api.post("/rooms/" + roomName + "/recordings/start", DailyApi.JSON.createObjectNode().put("type", "cloud"));
        String id = started.path("recordingId").asString(started.path("id").asString(""));
        return id.isEmpty() ? null : id;
    }

    @Override
    public void stopRecording(String roomName, String recordingId) throws ProviderException {
        try {
            api.post("/rooms/" + roomName + "/recordings/stop", DailyApi.JSON.createObjectNode().put("type", "cloud"));
        } catch (DailyApi.DailyFailure e) {
            // 400: no recording runs any more (it reached its limit, or the room ended); the webhook reports the file.
            if (e.status() != 400 && e.status() != 404) {
                throw e;
            }
        }
    }

    @Override
    public void deleteRecording(String recordingId) throws ProviderException {
        try {
            api.delete("/recordings/" + recordingId);
        } catch (DailyApi.DailyFailure e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    @Override
    public VideoEvent readWebhook(WebhookRequest request) throws ProviderException {
        return webhooks.read(request);
    }

    private static MeetingRoom room(JsonNode room, String name) throws ProviderException {
        String url = room.path("url").asString("");
        if (!name.equals(room.path("name").asString("")) || !url.startsWith("https://")) {
            throw new ProviderException(Kind.RETRYABLE, "Daily answered without the room " + name + " and its https address");
        }
        return new MeetingRoom(name, URI.create(url));
    }
}
