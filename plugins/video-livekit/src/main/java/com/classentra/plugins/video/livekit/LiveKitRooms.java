package com.classentra.plugins.video.livekit;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rooms through LiveKit's RoomService, recordings through its Egress service. A room that nobody is in closes by itself
 * after a few minutes; joining makes it again (CreateRoom answers an existing room as it is), so a room made long
 * before its session is never lost.
 */
final class LiveKitRooms implements VideoRooms {

    /** How long an empty room stays open: before the first person joins, and after the last one left. */
    private static final int EMPTY_TIMEOUT_SECONDS = 600;
    private static final int DEPARTURE_TIMEOUT_SECONDS = 120;

    private final LiveKitApi api;
    private final URI client;
    private final boolean recording;
    private final String recordingPath;
    private final LiveKitWebhooks webhooks;
    private final Clock clock;

    LiveKitRooms(LiveKitApi api, URI client, boolean recording, String recordingPath, Clock clock) {
        this.api = api;
        this.client = client;
        this.recording = recording;
        this.recordingPath = recordingPath;
        this.webhooks = new LiveKitWebhooks(api.apiKey(), api.apiSecret());
        this.clock = clock;
    }

    @Override
    public VideoFeatures features() {
        return new VideoFeatures(true, recording, List.of(client.getScheme() + "://" + client.getRawAuthority()));
    }

    /** Lists no rooms, which needs a token LiveKit accepts: proves the address is LiveKit and the key and secret match. */
    @Override
    public HealthReport checkHealth() {
        try {
            ObjectNode body = LiveKitApi.JSON.createObjectNode();
            body.putArray("names").add("classentra-health-check");
            api.call("RoomService", "ListRooms", body, grant().put("roomList", true));
            return HealthReport.healthy("LiveKit accepted the API key " + api.apiKey());
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
    }

    @Override
    public MeetingRoom createRoom(RoomRequest request) throws ProviderException {
        return ensureRoom(request.name(), request.maxParticipants());
    }

    /** CreateRoom, which answers a room that exists as it is; {@code maxParticipants} 0 is the server's own limit. */
    private MeetingRoom ensureRoom(String roomName, int maxParticipants) throws ProviderException {
        ObjectNode body = LiveKitApi.JSON.createObjectNode()
                .put("name", roomName)
                .put("empty_timeout", EMPTY_TIMEOUT_SECONDS)
                .put("departure_timeout", DEPARTURE_TIMEOUT_SECONDS);
        if (maxParticipants > 0) {
            body.put("max_participants", maxParticipants);
        }
        JsonNode room = api.call("RoomService", "CreateRoom", body, grant().put("roomCreate", true));
        if (!roomName.equals(room.path("name").asString(""))) {
            throw new ProviderException(Kind.RETRYABLE, "LiveKit answered CreateRoom without the room " + roomName);
        }
        return new MeetingRoom(roomName, api.clientServer());
    }

    @Override
    public JoinGrant join(MeetingRoom room, Participant participant, Duration validity) throws ProviderException {
        Instant now = clock.instant();
        // The room may have closed while empty: making it again is how LiveKit reopens a room by name.
        ensureRoom(room.name(), 0);
        ObjectNode claims = LiveKitApi.JSON.createObjectNode()
                .put("sub", participant.identity())
                .put("name", participant.displayName());
        ObjectNode video = grant()
                .put("room", room.name())
                .put("roomJoin", true)
                .put("canPublish", participant.canPublish())
                .put("canSubscribe", true)
                .put("canPublishData", true);
        if (participant.host()) {
            video.put("roomAdmin", true);
        }
        String token = api.token(claims, video, now, validity);
        URI page = URI.create(client + (client.getRawQuery() == null ? "?" : "&")
                + "liveKitUrl=" + URLEncoder.encode(api.clientServer().toString(), StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return new JoinGrant(page, token, now.plus(validity));
    }

    @Override
    public void endRoom(String roomName) throws ProviderException {
        try {
            api.call("RoomService", "DeleteRoom", LiveKitApi.JSON.createObjectNode().put("room", roomName), grant().put("roomCreate", true));
        } catch (LiveKitApi.TwirpFailure e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** LiveKit also refuses, from then on, tokens issued before the removal: the person's grant does not bring them back. */
    @Override
    public void removeParticipant(String roomName, String identity) throws ProviderException {
        try {
            api.call("RoomService", "RemoveParticipant", LiveKitApi.JSON.createObjectNode().put("room", roomName).put("identity", identity),
                    grant().put("roomAdmin", true).put("room", roomName));
        } catch (LiveKitApi.TwirpFailure e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    @Override
    public String startRecording(String roomName) throws ProviderException {
        if (!recording) {
            throw new ProviderException(Kind.MISCONFIGURED, "Recording is not allowed in this LiveKit provider's settings");
        }
        ObjectNode body = LiveKitApi.JSON.createObjectNode().put("room_name", roomName).put("layout", "speaker");
        body.putArray("file_outputs").addObject().put("file_type", "MP4").put("filepath", recordingPath);
        JsonNode egress = api.call("Egress", "StartRoomCompositeEgress", body, grant().put("roomRecord", true));
        String egressId = LiveKitJson.text(egress, "egress_id", "egressId");
        if (egressId.isEmpty()) {
            throw new ProviderException(Kind.RETRYABLE, "LiveKit answered StartRoomCompositeEgress without an egress id");
        }
        return egressId;
    }

    @Override
    public void stopRecording(String roomName, String recordingId) throws ProviderException {
        try {
            api.call("Egress", "StopEgress", LiveKitApi.JSON.createObjectNode().put("egress_id", recordingId), grant().put("roomRecord", true));
        } catch (LiveKitApi.TwirpFailure e) {
            // Ended already (the room closed, or a limit): the egress_ended webhook reports the file.
            if (!e.notFound() && e.kind() != Kind.PERMANENT) {
                throw e;
            }
        }
    }

    /** Egress writes into storage LiveKit does not manage: there is no API to delete a file there. */
    @Override
    public void deleteRecording(String recordingId) throws ProviderException {
        throw new ProviderException(Kind.PERMANENT, "LiveKit cannot delete recorded files: delete the file of egress " + recordingId
                + " from the storage LiveKit Egress writes to");
    }

    @Override
    public VideoEvent readWebhook(WebhookRequest request) throws ProviderException {
        return webhooks.read(request);
    }

    private static ObjectNode grant() {
        return LiveKitApi.JSON.createObjectNode();
    }
}
