package com.classentra.plugins.video.daily;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against a WireMock peer answering as Daily's REST API does, checking the key, paths and bodies. */
class DailyRoomsTest {

    private static final String KEY = "5f2a9c0e7b1d4e6a8c3f0b2d9e7a1c4f";
    private static final Instant OPENS = Instant.parse("2026-12-08T09:50:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-08T11:15:00Z");
    private static final String ROOM = """
            {"id":"d61cd7b2-a273-42b4-89bd-be763fd562c1","name":"s-4f1c","api_created":true,"privacy":"private",
             "url":"https://school.daily.co/s-4f1c","created_at":"2026-12-07T18:00:00.000Z",
             "config":{"nbf":1796723400,"exp":1796728500,"eject_at_room_exp":true,"max_participants":31}}""";

    @RegisterExtension
    static final WireMockExtension daily = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static DailyRooms rooms(boolean recording) {
        return new DailyRooms(new DailyApi(URI.create(daily.baseUrl() + "/v1"), KEY, Duration.ofSeconds(2)),
                new DailyWebhooks("c2VjcmV0LXdlYmhvb2staG1hYy0xMjM0NTY="), recording);
    }

    @Test
    void aRoomIsPrivateOpensAndClosesWithItsSessionAndPutsEverybodyOutAtTheEnd() throws Exception {
        daily.stubFor(post("/v1/rooms").willReturn(okJson(ROOM)));

        MeetingRoom room = rooms(true).createRoom(new RoomRequest("s-4f1c", OPENS, CLOSES, 31, true));

        assertThat(room).isEqualTo(new MeetingRoom("s-4f1c", URI.create("https://school.daily.co/s-4f1c")));
        daily.verify(postRequestedFor(urlEqualTo("/v1/rooms")).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson("""
                        {"name":"s-4f1c","privacy":"private","properties":{"nbf":1796723400,"exp":1796728500,"eject_at_room_exp":true,
                         "max_participants":31,"enable_recording":"cloud"}}""")));
    }

    @Test
    void aRoomThatExistsIsBroughtToTheNewTimesInsteadOfMadeTwice() throws Exception {
        daily.stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid-request-error\",\"info\":\"a room named s-4f1c already exists\"}")));
        daily.stubFor(post("/v1/rooms/s-4f1c").willReturn(okJson(ROOM)));
        Instant later = CLOSES.plus(Duration.ofHours(1));

        assertThat(rooms(false).createRoom(new RoomRequest("s-4f1c", OPENS, later, 31, false)).url())
                .isEqualTo(URI.create("https://school.daily.co/s-4f1c"));
        daily.verify(postRequestedFor(urlEqualTo("/v1/rooms")).withRequestBody(equalToJson("""
                {"name":"s-4f1c","privacy":"private","properties":{"nbf":1796723400,"exp":1796732100,"eject_at_room_exp":true,"max_participants":31}}""")));
        daily.verify(postRequestedFor(urlEqualTo("/v1/rooms/s-4f1c")).withRequestBody(equalToJson("""
                {"properties":{"nbf":1796723400,"exp":1796732100,"eject_at_room_exp":true,"max_participants":31}}""")));
    }

    @Test
    void everyTokenIsBoundToItsRoomAndExpiresAndAStudentWhoMayNotPublishSendsNothing() throws Exception {
        daily.stubFor(post("/v1/meeting-tokens").willReturn(okJson("{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJyIjoicy00ZjFjIn0.sig\"}")));
        MeetingRoom room = new MeetingRoom("s-4f1c", URI.create("https://school.daily.co/s-4f1c"));
        Instant before = Instant.now();

        JoinGrant grant = rooms(true).join(room, new Participant("9b2d", "Ana Alves", false, false), Duration.ofMinutes(15));

        JsonNode sent = JsonMapper.builder().build().readTree(daily.findAll(postRequestedFor(urlEqualTo("/v1/meeting-tokens")))
                .getFirst().getBodyAsString()).path("properties");
        assertThat(sent.path("room_name").asString()).isEqualTo("s-4f1c");
        assertThat(sent.path("exp").asLong()).isBetween(before.plus(Duration.ofMinutes(15)).getEpochSecond(),
                Instant.now().plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(sent.path("is_owner").asBoolean()).isFalse();
        assertThat(sent.path("user_id").asString()).isEqualTo("9b2d");
        assertThat(sent.path("user_name").asString()).isEqualTo("Ana Alves");
        assertThat(sent.path("permissions")).isEqualTo(JsonMapper.builder().build().readTree("{\"canSend\":false}"));
        assertThat(sent.has("enable_recording")).isFalse();
        assertThat(grant.clientUrl()).isEqualTo(URI.create("https://school.daily.co/s-4f1c?t=eyJhbGciOiJIUzI1NiJ9.eyJyIjoicy00ZjFjIn0.sig"));
        assertThat(grant.token()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.eyJyIjoicy00ZjFjIn0.sig");
    }

    @Test
    void aTeachersTokenOwnsTheRoomAndMayRecord() throws Exception {
        daily.stubFor(post("/v1/meeting-tokens").willReturn(okJson("{\"token\":\"t\"}")));

        rooms(true).join(new MeetingRoom("s-4f1c", URI.create("https://school.daily.co/s-4f1c")),
                new Participant("t1", "Tia Teacher", true, false), Duration.ofMinutes(15));

        JsonNode sent = JsonMapper.builder().build().readTree(daily.findAll(postRequestedFor(urlEqualTo("/v1/meeting-tokens")))
                .getFirst().getBodyAsString()).path("properties");
        assertThat(sent.path("is_owner").asBoolean()).isTrue();
        assertThat(sent.path("enable_recording").asString()).isEqualTo("cloud");
        assertThat(sent.has("permissions")).isFalse();
    }

    @Test
    void removingSomeoneEjectsAndBansTheirUserIdAndEndingDeletesTheRoomGoneOrNot() throws Exception {
        daily.stubFor(post("/v1/rooms/s-4f1c/eject").willReturn(okJson("{\"ejectedIds\":[\"e1\"]}")));
        daily.stubFor(delete("/v1/rooms/s-4f1c").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"not-found\",\"info\":\"room s-4f1c was not found\"}")));

        rooms(false).removeParticipant("s-4f1c", "9b2d");
        rooms(false).endRoom("s-4f1c");

        daily.verify(postRequestedFor(urlEqualTo("/v1/rooms/s-4f1c/eject")).withRequestBody(equalToJson("{\"ban\":true,\"user_ids\":[\"9b2d\"]}")));
        daily.verify(deleteRequestedFor(urlEqualTo("/v1/rooms/s-4f1c")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void recordingsStartStopAndAreDeletedAtDaily() throws Exception {
        daily.stubFor(post("/v1/rooms/s-4f1c/recordings/start").willReturn(okJson("{}")));
        daily.stubFor(post("/v1/rooms/s-4f1c/recordings/stop").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid-request-error\",\"info\":\"no active recording\"}")));
        daily.stubFor(delete("/v1/recordings/r-1").willReturn(okJson("{\"deleted\":true,\"id\":\"r-1\"}")));

        assertThat(rooms(true).startRecording("s-4f1c")).as("the id comes with recording.started").isNull();
        rooms(true).stopRecording("s-4f1c", null);
        rooms(true).deleteRecording("r-1");

        daily.verify(postRequestedFor(urlEqualTo("/v1/rooms/s-4f1c/recordings/start")).withRequestBody(equalToJson("{\"type\":\"cloud\"}")));
        daily.verify(deleteRequestedFor(urlEqualTo("/v1/recordings/r-1")));
        assertThatThrownBy(() -> rooms(false).startRecording("s-4f1c")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED));
    }

    @Test
    void dailyPrebuiltIsEmbeddedFromTheDomainsDailyAddress() {
        assertThat(rooms(false).features()).isEqualTo(new VideoFeatures(true, false, List.of("https://*.daily.co")));
    }

    @Test
    void aWrongKeyIsReportedByTheConnectionTestAndARightOneNamesTheDomain() {
        daily.stubFor(get("/v1/").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"authentication-error\",\"info\":\"bad API key\"}")));
        assertThat(rooms(false).checkHealth()).isEqualTo(HealthReport.unhealthy("Daily refused the API key (401): bad API key"));

        daily.stubFor(get("/v1/").willReturn(okJson("{\"domain_name\":\"school\",\"domain_id\":\"30f866c3\",\"config\":{}}")));
        assertThat(rooms(false).checkHealth()).isEqualTo(HealthReport.healthy("Daily accepted the API key of domain school"));
    }

    @Test
    void anOutageOrRateLimitIsRetryable() {
        daily.stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"rate-limit-error\",\"info\":\"slow down\"}")));
        assertThatThrownBy(() -> rooms(false).createRoom(new RoomRequest("s-1", OPENS, CLOSES, 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
                    assertThat(e.getMessage()).isEqualTo("Daily answered 429 (rate-limit-error) to POST /rooms: slow down");
                });
        daily.stubFor(post("/v1/rooms").willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        assertThatThrownBy(() -> rooms(false).createRoom(new RoomRequest("s-1", OPENS, CLOSES, 5, false)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
    }
}
