package com.classentra.plugins.video.livekit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.plugin.api.video.MeetingRoom;
import com.classentra.plugin.api.video.Participant;
import com.classentra.plugin.api.video.RoomRequest;
import com.classentra.plugin.api.video.VideoFeatures;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a WireMock peer that answers as LiveKit's Twirp API does, checking paths, bodies and each call's token. */
class LiveKitRoomsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");
    private static final String ROOM = """
            {"sid":"RM_x7","name":"%s","empty_timeout":600,"departure_timeout":120,"max_participants":31,"creation_time":"1796666400",
             "creation_time_ms":"1796666400000","turn_password":"","enabled_codecs":[],"metadata":"","num_participants":0,
             "num_publishers":0,"active_recording":false,"version":null}""";

    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static LiveKitRooms rooms(boolean recording) {
        return new LiveKitRooms(new LiveKitApi(URI.create(livekit.baseUrl()), LiveKitTokens.KEY, LiveKitTokens.SECRET, Duration.ofSeconds(2)),
                URI.create("https://meet.example.org/custom"), recording, "classentra/{room_name}-{time}.mp4", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void answersRoom(String name) {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(okJson(ROOM.formatted(name))));
    }

    /** The one request made to the method, with its token checked against the secret. */
    private static JsonNode tokenOf(String method) throws Exception {
        List<LoggedRequest> calls = livekit.findAll(postRequestedFor(urlEqualTo(method)));
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().getHeader("Content-Type")).isEqualTo("application/json");
        return LiveKitTokens.claims(LiveKitTokens.bearer(calls.getFirst().getHeader("Authorization")));
    }

    @Test
    void aRoomIsCreatedByNameWithTheCourseSizeAndACallTokenThatMayOnlyCreateRooms() throws Exception {
        answersRoom("s-4f1c");

        MeetingRoom room = rooms(false).createRoom(new RoomRequest("s-4f1c", NOW, NOW.plus(Duration.ofHours(1)), 31, false));

        assertThat(room).isEqualTo(new MeetingRoom("s-4f1c", URI.create(livekit.baseUrl().replace("http:", "ws:"))));
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/CreateRoom")).withRequestBody(equalToJson("""
                {"name":"s-4f1c","empty_timeout":600,"departure_timeout":120,"max_participants":31}""")));
        JsonNode token = tokenOf("/twirp/livekit.RoomService/CreateRoom");
        assertThat(token.path("iss").asString()).isEqualTo(LiveKitTokens.KEY);
        assertThat(token.path("video")).isEqualTo(JsonMapper.builder().build().readTree("{\"roomCreate\":true}"));
        assertThat(token.path("exp").asLong() - token.path("nbf").asLong()).isEqualTo(600);
        assertThat(token.has("sub")).isFalse();
    }

    @Test
    void aStudentsGrantJoinsThatRoomOnlyAndPublishesOnlyWhenTheSessionAllowsIt() throws Exception {
        answersRoom("s-4f1c");
        MeetingRoom room = new MeetingRoom("s-4f1c", URI.create(livekit.baseUrl().replace("http:", "ws:")));

        JoinGrant grant = rooms(false).join(room, new Participant("9b2d", "Ana Alves", false, false), Duration.ofMinutes(15));

        JsonNode claims = LiveKitTokens.claims(grant.token());
        assertThat(claims).isEqualTo(JsonMapper.builder().build().readTree("""
                {"sub":"9b2d","name":"Ana Alves","iss":"%s","nbf":%d,"exp":%d,
                 "video":{"room":"s-4f1c","roomJoin":true,"canPublish":false,"canSubscribe":true,"canPublishData":true}}"""
                .formatted(LiveKitTokens.KEY, NOW.getEpochSecond(), NOW.plus(Duration.ofMinutes(15)).getEpochSecond())));
        assertThat(grant.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        Map<String, String> query = query(grant.clientUrl());
        assertThat(grant.clientUrl().toString()).startsWith("https://meet.example.org/custom?");
        assertThat(query).containsEntry("liveKitUrl", livekit.baseUrl().replace("http:", "ws:")).containsEntry("token", grant.token());
        // Joining makes the room again when it closed while empty, without changing its size.
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/CreateRoom"))
                .withRequestBody(equalToJson("{\"name\":\"s-4f1c\",\"empty_timeout\":600,\"departure_timeout\":120}")));
        assertThat(grant.toString()).doesNotContain(grant.token());
    }

    @Test
    void aTeachersGrantPublishesAndAdministersTheRoom() throws Exception {
        answersRoom("s-4f1c");
        MeetingRoom room = new MeetingRoom("s-4f1c", URI.create("ws://unused"));

        JsonNode video = LiveKitTokens.claims(rooms(false).join(room, new Participant("t1", "Tia Teacher", true, false), Duration.ofMinutes(15))
                .token()).path("video");

        assertThat(video).isEqualTo(JsonMapper.builder().build().readTree("""
                {"room":"s-4f1c","roomJoin":true,"canPublish":true,"canSubscribe":true,"canPublishData":true,"roomAdmin":true}"""));
    }

    @Test
    void removingSomeoneAndEndingTheRoomUseRoomScopedAdminAndCreateGrantsAndTakeGoneAsDone() throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/RemoveParticipant").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"not_found\",\"msg\":\"participant does not exist\"}")));
        livekit.stubFor(post("/twirp/livekit.RoomService/DeleteRoom").willReturn(okJson("{}")));

        rooms(false).removeParticipant("s-4f1c", "9b2d");
        rooms(false).endRoom("s-4f1c");

        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/RemoveParticipant"))
                .withRequestBody(equalToJson("{\"room\":\"s-4f1c\",\"identity\":\"9b2d\"}")));
        assertThat(tokenOf("/twirp/livekit.RoomService/RemoveParticipant").path("video"))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"roomAdmin\":true,\"room\":\"s-4f1c\"}"));
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/DeleteRoom")).withRequestBody(equalToJson("{\"room\":\"s-4f1c\"}")));
        assertThat(tokenOf("/twirp/livekit.RoomService/DeleteRoom").path("video"))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"roomCreate\":true}"));
    }

    @Test
    void recordingStartsARoomCompositeEgressToAFileAndStopsIt() throws Exception {
        livekit.stubFor(post("/twirp/livekit.Egress/StartRoomCompositeEgress").willReturn(okJson("""
                {"egress_id":"EG_rec1","room_id":"RM_x7","room_name":"s-4f1c","status":"EGRESS_STARTING","started_at":"0"}""")));
        livekit.stubFor(post("/twirp/livekit.Egress/StopEgress").willReturn(okJson("{\"egress_id\":\"EG_rec1\",\"status\":\"EGRESS_ENDING\"}")));

        assertThat(rooms(true).startRecording("s-4f1c")).isEqualTo("EG_rec1");
        rooms(true).stopRecording("s-4f1c", "EG_rec1");

        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.Egress/StartRoomCompositeEgress")).withRequestBody(equalToJson("""
                {"room_name":"s-4f1c","layout":"speaker","file_outputs":[{"file_type":"MP4","filepath":"classentra/{room_name}-{time}.mp4"}]}""")));
        assertThat(tokenOf("/twirp/livekit.Egress/StartRoomCompositeEgress").path("video"))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"roomRecord\":true}"));
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.Egress/StopEgress")).withRequestBody(equalToJson("{\"egress_id\":\"EG_rec1\"}")));
        assertThatThrownBy(() -> rooms(false).startRecording("s-4f1c")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED));
        assertThatThrownBy(() -> rooms(true).deleteRecording("EG_rec1")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void itsRoomsAreEmbeddedFromTheWebClientsOriginAndRecordWhenAllowed() {
        assertThat(rooms(true).features()).isEqualTo(new VideoFeatures(true, true, List.of("https://meet.example.org")));
        assertThat(rooms(false).features().recording()).isFalse();
    }

    @Test
    void aWrongKeyIsReportedByTheConnectionTestInLiveKitsOwnWords() {
        livekit.stubFor(post("/twirp/livekit.RoomService/ListRooms").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withBody("invalid API key\n")));

        HealthReport health = rooms(false).checkHealth();

        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).isEqualTo("LiveKit refused the API key and secret (401): invalid API key");
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/ListRooms"))
                .withRequestBody(equalToJson("{\"names\":[\"classentra-health-check\"]}")));
    }

    @Test
    void anAcceptedKeyIsHealthy() throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/ListRooms").willReturn(okJson("{\"rooms\":[]}")));

        assertThat(rooms(false).checkHealth()).isEqualTo(HealthReport.healthy("LiveKit accepted the API key " + LiveKitTokens.KEY));
        assertThat(tokenOf("/twirp/livekit.RoomService/ListRooms").path("video")).isEqualTo(JsonMapper.builder().build().readTree("{\"roomList\":true}"));
    }

    @Test
    void anOutageIsRetryableAndARefusedRequestIsNot() {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"unavailable\",\"msg\":\"no nodes available\"}")));
        assertThatThrownBy(() -> rooms(false).createRoom(new RoomRequest("s-1", NOW, NOW.plusSeconds(60), 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.getMessage()).isEqualTo("LiveKit answered 503 (unavailable) to CreateRoom: no nodes available");
                });

        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"invalid_argument\",\"msg\":\"metadata too large\"}")));
        assertThatThrownBy(() -> rooms(false).createRoom(new RoomRequest("s-1", NOW, NOW.plusSeconds(60), 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));

        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"bad_route\",\"msg\":\"no handler\"}")));
        assertThatThrownBy(() -> rooms(false).createRoom(new RoomRequest("s-1", NOW, NOW.plusSeconds(60), 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED));
    }

    @Test
    void aServerThatCannotBeReachedIsRetryable() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        LiveKitRooms unreachable = new LiveKitRooms(new LiveKitApi(URI.create("http://127.0.0.1:" + closed), LiveKitTokens.KEY,
                LiveKitTokens.SECRET, Duration.ofSeconds(2)), URI.create("https://meet.example.org/custom"), false, "x.mp4", Clock.systemUTC());

        assertThatThrownBy(() -> unreachable.endRoom("s-1")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
    }

    private static Map<String, String> query(URI url) {
        return java.util.Arrays.stream(url.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
