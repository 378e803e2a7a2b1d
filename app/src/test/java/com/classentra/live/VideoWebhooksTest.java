package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_PARTICIPATION;
import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.classentra.db.jooq.Tables.WEBHOOK_INBOX;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.attendance.AttendanceService;
import com.classentra.attendance.AttendanceStatus;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.webhooks.WebhookProcessor;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Webhooks from a LiveKit server through {@code POST /webhooks/video/livekit}: verified before anything is stored,
 * stored once by event id, applied to participation and recordings whatever the repeats.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class VideoWebhooksTest {

    private static final String KEY = "APIwebhooks1";
    private static final String SECRET = "a-livekit-api-secret-of-enough-length-0001";

    /** Only the connection test of the provider switch reaches the server: webhooks are verified here, offline. */
    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @LocalServerPort
    int port;
    @Autowired
    LiveRoomsFixture nativeRooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    Classrooms classrooms;
    @Autowired
    WebhookProcessor processor;
    @Autowired
    LiveAttendance liveAttendance;
    @Autowired
    LiveRooms liveRooms;
    @Autowired
    LiveUsage usage;
    @Autowired
    MeterRegistry meters;
    @Autowired
    AttendanceService attendance;

    private final HttpClient http = HttpClient.newHttpClient();
    private SignedInUser teacher;
    private SignedInUser student;
    private CourseSummary course;
    private UUID session;
    private UUID roomId;
    private String roomName;

    @BeforeEach
    void aNativeRoomOnLiveKit() throws Exception {
        long version = nativeRooms.onLiveKit(livekit, KEY, SECRET);
        teacher = classrooms.teacher("Lena", "Live");
        course = classrooms.course(teacher, "Live classes");
        student = classrooms.student("Sami", "Stream");
        classrooms.enrol(student, course);
        session = classrooms.session(teacher, course, "Week 1", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), 60, null);
        roomId = UUID.randomUUID();
        roomName = nativeRooms.made(teacher, course, session, roomId, version);
    }

    @AfterEach
    void backToDefaults() {
        platform.resetPluginSlots();
    }

    private String joined(String eventId, String participantSid, Instant at) {
        return """
                {"event":"participant_joined","room":{"sid":"RM_1","name":"%s"},
                 "participant":{"sid":"%s","identity":"%s","name":"Sami Stream","state":"ACTIVE","joinedAt":"%d"},
                 "id":"%s","createdAt":"%d"}""".formatted(roomName, participantSid, student.id(), at.getEpochSecond(), eventId, at.getEpochSecond());
    }

    private HttpResponse<String> deliver(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/webhook+json");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String body) throws Exception {
        return deliver("/webhooks/video/livekit", body, Map.of("Authorization", LiveKitWebhookSigner.authorization(body, KEY, SECRET, Instant.now())));
    }

    private int inboxRows(String eventId) {
        return platform.count(WEBHOOK_INBOX, WEBHOOK_INBOX.EVENT_ID.eq(eventId));
    }

    @Test
    void theSameJoinDeliveredAHundredTimesIsStoredOnceAndCountsOneStay() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String eventId = "EV_" + UUID.randomUUID();
        String body = joined(eventId, "PA_1", at);

        for (int i = 0; i < 100; i++) {
            assertThat(signed(body).statusCode()).isEqualTo(200);
        }
        processor.processDue(100, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(signed(body).statusCode()).isEqualTo(200);
        }
        processor.processDue(100, Duration.ofSeconds(10));

        assertThat(inboxRows(eventId)).isEqualTo(1);
        assertThat(platform.value(WEBHOOK_INBOX.STATUS, WEBHOOK_INBOX.EVENT_ID.eq(eventId))).isEqualTo("SENT");
        assertThat(platform.count(LIVE_PARTICIPATION, LIVE_PARTICIPATION.ROOM_ID.eq(roomId))).isEqualTo(1);
        assertThat(platform.value(LIVE_PARTICIPATION.USER_ID, LIVE_PARTICIPATION.ROOM_ID.eq(roomId))).isEqualTo(student.id());
        assertThat(platform.value(LIVE_PARTICIPATION.JOINED_AT, LIVE_PARTICIPATION.ROOM_ID.eq(roomId)).toInstant()).isEqualTo(at);
    }

    @Test
    void aLeaveBeforeItsJoinAndAClosingRoomEndEveryStayOnce() throws Exception {
        Instant joinedAt = Instant.now().minusSeconds(3000).truncatedTo(ChronoUnit.SECONDS);
        Instant leftAt = joinedAt.plusSeconds(1800);
        String left = joined("EV_" + UUID.randomUUID(), "PA_2", leftAt).replace("participant_joined", "participant_left")
                .replace("\"joinedAt\":\"" + leftAt.getEpochSecond() + "\"", "\"joinedAt\":\"" + joinedAt.getEpochSecond() + "\"");
        assertThat(signed(left).statusCode()).isEqualTo(200);
        processor.processDue(100, Duration.ofSeconds(10));
        assertThat(signed(joined("EV_" + UUID.randomUUID(), "PA_2", joinedAt)).statusCode()).isEqualTo(200);
        assertThat(signed(joined("EV_" + UUID.randomUUID(), "PA_3", leftAt.plusSeconds(60))).statusCode()).isEqualTo(200);
        Instant finishedAt = leftAt.plusSeconds(600);
        String finished = "{\"event\":\"room_finished\",\"room\":{\"name\":\"%s\"},\"id\":\"EV_%s\",\"createdAt\":\"%d\"}"
                .formatted(roomName, UUID.randomUUID(), finishedAt.getEpochSecond());
        assertThat(signed(finished).statusCode()).isEqualTo(200);
        processor.processDue(100, Duration.ofSeconds(10));

        assertThat(platform.value(LIVE_PARTICIPATION.JOINED_AT, LIVE_PARTICIPATION.PROVIDER_SESSION.eq("PA_2").and(LIVE_PARTICIPATION.ROOM_ID.eq(roomId)))
                .toInstant()).isEqualTo(joinedAt);
        assertThat(platform.value(LIVE_PARTICIPATION.LEFT_AT, LIVE_PARTICIPATION.PROVIDER_SESSION.eq("PA_2").and(LIVE_PARTICIPATION.ROOM_ID.eq(roomId)))
                .toInstant()).isEqualTo(leftAt);
        assertThat(platform.value(LIVE_PARTICIPATION.LEFT_AT, LIVE_PARTICIPATION.PROVIDER_SESSION.eq("PA_3").and(LIVE_PARTICIPATION.ROOM_ID.eq(roomId)))
                .toInstant()).as("still in the room when it closed").isEqualTo(finishedAt);
        assertThat(platform.value(LIVE_ROOM.ENDED_AT, LIVE_ROOM.ID.eq(roomId)).toInstant()).isEqualTo(finishedAt);
    }

    @Test
    void onceTheRoomClosesAttendanceIsFilledInFromWhoWasThereAndTheTeachersOwnMarksStay() throws Exception {
        SignedInUser absent = classrooms.student("Ada", "Away");
        classrooms.enrol(absent, course);
        SignedInUser excused = classrooms.student("Eli", "Excused");
        classrooms.enrol(excused, course);
        attendance.record(teacher, course.id(), session, Map.of(excused.id(), AttendanceStatus.EXCUSED));
        Instant start = platform.value(LIVE_ROOM.STARTS_AT, LIVE_ROOM.ID.eq(roomId)).toInstant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant leave = start.plusSeconds(40 * 60);
        assertThat(signed(joined("EV_" + UUID.randomUUID(), "PA_att", start)).statusCode()).isEqualTo(200);
        String left = joined("EV_" + UUID.randomUUID(), "PA_att", start).replace("participant_joined", "participant_left")
                .replaceFirst("\"createdAt\":\"" + start.getEpochSecond() + "\"", "\"createdAt\":\"" + leave.getEpochSecond() + "\"");
        assertThat(signed(left).statusCode()).isEqualTo(200);
        assertThat(signed("{\"event\":\"room_finished\",\"room\":{\"name\":\"%s\"},\"id\":\"EV_%s\",\"createdAt\":\"%d\"}"
                .formatted(roomName, UUID.randomUUID(), leave.getEpochSecond() + 60)).statusCode()).isEqualTo(200);
        processor.processDue(100, Duration.ofSeconds(10));

        liveAttendance.fillOverSessions(50);

        assertThat(liveRooms.participation(teacher, session)).singleElement().satisfies(person -> {
            assertThat(person.personId()).isEqualTo(student.id());
            assertThat(person.name()).isEqualTo("Sami Stream");
            assertThat(person.firstIn()).isEqualTo(start);
            assertThat(person.lastOut()).isEqualTo(leave);
            assertThat(person.timeIn()).isEqualTo(Duration.ofMinutes(40));
        });
        assertThat(liveRooms.participation(student, session)).as("the teacher's view only").isEmpty();
        YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long expected = Duration.between(start, leave.isBefore(monthEnd) ? leave : monthEnd).toMinutes();
        assertThat(usage.participantMinutes(teacher.tenantId(), month)).isEqualTo(expected);
        usage.publishCurrentMonth();
        if (month.equals(YearMonth.now(ZoneOffset.UTC))) {
            assertThat(meters.get("classentra.live.participant.minutes").tag("workspace", teacher.tenantId().toString()).gauge().value())
                    .isEqualTo(expected);
        }
        assertThat(attendance.roll(teacher, course.id(), session).marks()).containsAllEntriesOf(Map.of(
                student.id(), AttendanceStatus.PRESENT, absent.id(), AttendanceStatus.ABSENT, excused.id(), AttendanceStatus.EXCUSED));
        attendance.record(teacher, course.id(), session, Map.of(absent.id(), AttendanceStatus.LATE));
        liveAttendance.fillOverSessions(50);
        assertThat(attendance.roll(teacher, course.id(), session).marks()).as("filled once; the teacher's correction stays")
                .containsEntry(absent.id(), AttendanceStatus.LATE);
    }

    @Test
    void aTamperedBodyAWrongSecretAndNoTokenGet401AndAreStoredNowhere() throws Exception {
        String eventId = "EV_" + UUID.randomUUID();
        String body = joined(eventId, "PA_4", Instant.now());
        String token = LiveKitWebhookSigner.authorization(body, KEY, SECRET, Instant.now());

        assertThat(deliver("/webhooks/video/livekit", body.replace("Sami Stream", "Someone Else"), Map.of("Authorization", token)).statusCode())
                .isEqualTo(401);
        assertThat(deliver("/webhooks/video/livekit", body, Map.of("Authorization",
                LiveKitWebhookSigner.authorization(body, KEY, "another-secret-altogether-0000000000", Instant.now()))).statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = deliver("/webhooks/video/livekit", body, Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).isEqualTo("The webhook's signature does not verify.");
        assertThat(inboxRows(eventId)).isZero();
        processor.processDue(100, Duration.ofSeconds(10));
        assertThat(platform.count(LIVE_PARTICIPATION, LIVE_PARTICIPATION.PROVIDER_SESSION.eq("PA_4"))).isZero();
    }

    @Test
    void addressesThatTakeNoWebhooksAndOversizedBodiesAreRefusedClearly() throws Exception {
        String body = joined("EV_" + UUID.randomUUID(), "PA_5", Instant.now());
        assertThat(signed(body).statusCode()).isEqualTo(200);
        assertThat(deliver("/webhooks/video/daily", body, Map.of()).statusCode()).as("no room is served by Daily here").isEqualTo(404);
        assertThat(deliver("/webhooks/telepathy/livekit", body, Map.of()).statusCode()).isEqualTo(404);
        assertThat(deliver("/webhooks/Video/livekit", body, Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> huge = deliver("/webhooks/video/livekit", "x".repeat(300 * 1024), Map.of());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).isEqualTo("The body is over 256 KB.");
    }

    @Test
    void recordingsFollowTheirEgressFromStartToFile() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String started = """
                {"event":"egress_started","egressInfo":{"egressId":"EG_7","roomName":"%s","status":"EGRESS_ACTIVE","startedAt":"%d"},
                 "id":"EV_%s","createdAt":"%d"}""".formatted(roomName, now.getEpochSecond() * 1_000_000_000L, UUID.randomUUID(), now.getEpochSecond());
        String ended = """
                {"event":"egress_ended","egressInfo":{"egressId":"EG_7","roomName":"%s","status":"EGRESS_COMPLETE",
                 "fileResults":[{"filename":"r.mp4","duration":"1800000000000","size":"1048576","location":"s3://rec/r.mp4"}]},
                 "id":"EV_%s","createdAt":"%d"}""".formatted(roomName, UUID.randomUUID(), now.getEpochSecond() + 1800);

        assertThat(signed(ended).statusCode()).isEqualTo(200);
        assertThat(signed(started).statusCode()).isEqualTo(200);
        processor.processDue(100, Duration.ofSeconds(10));

        assertThat(platform.count(LIVE_RECORDING, LIVE_RECORDING.ROOM_ID.eq(roomId))).isEqualTo(1);
        assertThat(platform.value(LIVE_RECORDING.STATUS, LIVE_RECORDING.ROOM_ID.eq(roomId))).as("a late start does not undo the file").isEqualTo("READY");
        assertThat(platform.value(LIVE_RECORDING.DURATION_SECONDS, LIVE_RECORDING.ROOM_ID.eq(roomId))).isEqualTo(1800L);
        assertThat(platform.value(LIVE_RECORDING.SIZE_BYTES, LIVE_RECORDING.ROOM_ID.eq(roomId))).isEqualTo(1048576L);
        assertThat(platform.value(LIVE_RECORDING.LOCATION, LIVE_RECORDING.ROOM_ID.eq(roomId))).isEqualTo("s3://rec/r.mp4");
    }
}
