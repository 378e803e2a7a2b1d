package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Planning a session's room, making it at a LiveKit peer, and who may join it when. */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class LiveRoomsTest {

    private static final String KEY = "APIrooms0001";
    private static final String SECRET = "the-rooms-test-secret-of-livekit-000000";
    /** LiveKit answers CreateRoom with the room it was asked for. */
    private static final String ROOM_ANSWER = "{\"sid\":\"RM_1\",\"name\":\"{{jsonPath request.body '$.name'}}\",\"empty_timeout\":600}";

    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().globalTemplating(true)).build();

    @LocalServerPort
    int port;
    @Autowired
    LiveRoomsFixture nativeRooms;
    @Autowired
    LiveRooms liveRooms;
    @Autowired
    RoomMaker maker;
    @Autowired
    RoleScopes scopes;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    CourseService courses;

    private SignedInUser teacher;
    private SignedInUser student;
    private CourseSummary course;

    @BeforeEach
    void aCourseOnLiveKit() throws Exception {
        nativeRooms.onLiveKit(livekit, KEY, SECRET);
        teacher = classrooms.teacher("Rosa", "Rooms");
        course = classrooms.course(teacher, "Rooms");
        student = classrooms.student("Ivo", "Inroom");
        classrooms.enrol(student, course);
    }

    @AfterEach
    void backToDefaults() {
        platform.resetPluginSlots();
    }

    private UUID plannedSession(OffsetDateTime startsAt, RoomSettings settings) {
        UUID session = classrooms.session(teacher, course, "Live", startsAt, 60, null);
        scopes.asTeacher(teacher, () -> {
            liveRooms.plan(teacher, course.id(), session, startsAt.toInstant(), Duration.ofMinutes(60), settings);
            return null;
        });
        return session;
    }

    private void dueNow(UUID session) {
        platform.call(sql -> sql.update(LIVE_ROOM).set(LIVE_ROOM.NEXT_ATTEMPT_AT, OffsetDateTime.now()).where(LIVE_ROOM.ITEM_ID.eq(session)).execute());
    }

    private static JsonNode claims(String token) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void aPlannedRoomIsMadeAtTheProviderAndItsStudentsJoinWithAGrantOfTheirOwn() {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ROOM_ANSWER)));
        UUID session = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), new RoomSettings(false, 50, 5));
        assertThat(liveRooms.state(student, session)).hasValueSatisfying(state -> assertThat(state.status()).isEqualTo(RoomState.Status.PREPARING));
        assertThatThrownBy(() -> liveRooms.join(student, session)).hasMessage("The room is being prepared: try again in a minute.");

        maker.makeDue(10, Duration.ofSeconds(10));

        String roomName = platform.value(LIVE_ROOM.ROOM_NAME, LIVE_ROOM.ITEM_ID.eq(session));
        assertThat(roomName).matches("cls-[a-z2-9]{20}");
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/CreateRoom"))
                .withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo(roomName))));
        assertThat(liveRooms.state(student, session)).hasValueSatisfying(state -> assertThat(state.status()).isEqualTo(RoomState.Status.READY));

        JoinGrant grant = liveRooms.join(student, session);
        JsonNode studentClaims = claims(grant.token());
        assertThat(studentClaims.path("sub").asString()).isEqualTo(student.id().toString());
        assertThat(studentClaims.path("name").asString()).isEqualTo("Ivo Inroom");
        assertThat(studentClaims.path("video").path("room").asString()).isEqualTo(roomName);
        assertThat(studentClaims.path("video").path("canPublish").asBoolean()).as("the session keeps students' cameras off").isFalse();
        assertThat(studentClaims.path("video").has("roomAdmin")).isFalse();
        assertThat(grant.expiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        JsonNode teacherClaims = claims(liveRooms.join(teacher, session).token());
        assertThat(teacherClaims.path("video").path("canPublish").asBoolean()).isTrue();
        assertThat(teacherClaims.path("video").path("roomAdmin").asBoolean()).isTrue();
    }

    @Test
    void nobodyOutsideTheCourseGetsAGrantNorSeesTheRoom() {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ROOM_ANSWER)));
        UUID session = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), RoomSettings.DEFAULTS);
        maker.makeDue(10, Duration.ofSeconds(10));
        SignedInUser stranger = classrooms.student("Otto", "Outside");
        SignedInUser otherTeacher = classrooms.teacher("Olga", "Otherschool");
        livekit.resetRequests();

        for (SignedInUser outsider : java.util.List.of(stranger, otherTeacher)) {
            assertThat(liveRooms.state(outsider, session)).isEmpty();
            assertThatThrownBy(() -> liveRooms.join(outsider, session)).isInstanceOf(LiveRoomRefusedException.class)
                    .hasMessage("This session has no room you can join.");
        }
        courses.removeStudent(teacher, course.id(), student.id());
        assertThatThrownBy(() -> liveRooms.join(student, session)).as("a removed student").isInstanceOf(LiveRoomRefusedException.class);
        assertThat(livekit.findAll(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/CreateRoom")))).as("no provider call for them").isEmpty();
    }

    @Test
    void theRoomOpensTenMinutesBeforeTheStartAndClosesAtTheEnd() {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ROOM_ANSWER)));
        UUID later = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(11), RoomSettings.DEFAULTS);
        UUID over = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(61), RoomSettings.DEFAULTS);
        maker.makeDue(10, Duration.ofSeconds(10));

        assertThatThrownBy(() -> liveRooms.join(student, later)).hasMessage("The room opens ten minutes before the session starts.");
        assertThatThrownBy(() -> liveRooms.join(student, over)).hasMessage("This session has ended.");
        assertThat(liveRooms.state(teacher, over).orElseThrow().problem()).isEqualTo("The session ended before its room could be made");
        assertThat(liveRooms.state(student, later).orElseThrow().open(Instant.now())).isFalse();
        assertThat(liveRooms.state(student, later).orElseThrow().open(Instant.now().plus(Duration.ofMinutes(2)))).isTrue();
    }

    @Test
    void anOutageIsRetriedAndShownAndARefusalIsToldToTheTeacher() {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"unavailable\",\"msg\":\"no nodes available\"}")));
        UUID session = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), RoomSettings.DEFAULTS);

        maker.makeDue(10, Duration.ofSeconds(10));
        RoomState retrying = liveRooms.state(teacher, session).orElseThrow();
        assertThat(retrying.status()).isEqualTo(RoomState.Status.RETRYING);
        assertThat(retrying.problem()).isEqualTo("LiveKit answered 503 (unavailable) to CreateRoom: no nodes available");

        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ROOM_ANSWER)));
        dueNow(session);
        maker.makeDue(10, Duration.ofSeconds(10));
        assertThat(liveRooms.state(teacher, session).orElseThrow().status()).isEqualTo(RoomState.Status.READY);

        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"invalid_argument\",\"msg\":\"max_participants too high\"}")));
        UUID refused = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), RoomSettings.DEFAULTS);
        maker.makeDue(10, Duration.ofSeconds(10));
        assertThat(liveRooms.state(teacher, refused).orElseThrow().status()).isEqualTo(RoomState.Status.FAILED);
        assertThatThrownBy(() -> liveRooms.join(teacher, refused))
                .hasMessage("The room could not be created: LiveKit answered 400 (invalid_argument) to CreateRoom: max_participants too high");
        assertThatThrownBy(() -> liveRooms.join(student, refused)).hasMessage("The room could not be created. The teacher has been told.");
    }

    @Test
    void pagesMayEmbedTheWebClientOfEveryProviderWhoseRoomsAreStillInUse() throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ROOM_ANSWER)));
        UUID session = plannedSession(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), RoomSettings.DEFAULTS);
        maker.makeDue(10, Duration.ofSeconds(10));
        assertThat(liveRooms.nativeRoomsAvailable()).isTrue();
        assertThat(contentSecurityPolicy()).as("LiveKit Meet, the web client's default address").contains("; frame-src 'self' https://meet.livekit.io");

        platform.resetPluginSlots();

        assertThat(liveRooms.nativeRoomsAvailable()).as("links only: no new native rooms").isFalse();
        assertThat(contentSecurityPolicy()).as("the room made before the switch is still joined on LiveKit").contains("https://meet.livekit.io");
        assertThat(liveRooms.join(student, session).clientUrl().toString()).startsWith("https://meet.livekit.io/custom?liveKitUrl=");
    }

    private String contentSecurityPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        return page.headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
