package com.classentra.live;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Deleting a course closes its rooms and deletes its recordings at the provider, with the settings that made them. */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class VideoCleanupTest {

    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    LiveRoomsFixture nativeRooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    Classrooms classrooms;
    @Autowired
    VideoCleanup cleanup;
    @Autowired
    CourseService courses;

    @AfterEach
    void backToDefaults() {
        platform.call(sql -> sql.deleteFrom(VIDEO_CLEANUP).execute());
        platform.resetPluginSlots();
    }

    @Test
    void aStudentRemovedFromTheCourseIsPutOutOfItsOpenRoomAtTheProvider() throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/RemoveParticipant").willReturn(okJson("{}")));
        long version = nativeRooms.onLiveKit(livekit, "APIremoval01", "secret-removal-000000000000");
        SignedInUser teacher = classrooms.teacher("Rita", "Removes");
        CourseSummary course = classrooms.course(teacher, "Open room");
        SignedInUser student = classrooms.student("Leo", "Leaves");
        classrooms.enrol(student, course);
        SignedInUser stays = classrooms.student("Sue", "Stays");
        classrooms.enrol(stays, course);
        UUID session = classrooms.session(teacher, course, "Now", OffsetDateTime.now(ZoneOffset.UTC), 60, null);
        String roomName = nativeRooms.made(teacher, course, session, UUID.randomUUID(), version);

        courses.removeStudent(teacher, course.id(), student.id());
        cleanup.cleanDue(10, Duration.ofSeconds(10));

        livekit.verify(1, postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/RemoveParticipant")));
        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/RemoveParticipant"))
                .withRequestBody(equalToJson("{\"room\":\"" + roomName + "\",\"identity\":\"" + student.id() + "\"}")));
        assertThat(platform.count(VIDEO_CLEANUP, VIDEO_CLEANUP.ROOM_NAME.eq(roomName))).as("done").isZero();
    }

    @Test
    void aDeletedCourseClosesItsOpenRoomAtItsProviderAndLeavesTheLiveKitFileToTheAdministrator() throws Exception {
        livekit.stubFor(post("/twirp/livekit.RoomService/DeleteRoom").willReturn(okJson("{}")));
        long version = nativeRooms.onLiveKit(livekit, "APIcleanup", "secret-cleanup-000000000000");
        SignedInUser teacher = classrooms.teacher("Cleo", "Cleanup");
        CourseSummary course = classrooms.course(teacher, "To be deleted");
        UUID session = classrooms.session(teacher, course, "Week 1", OffsetDateTime.now(ZoneOffset.UTC), 60, null);
        UUID room = UUID.randomUUID();
        String roomName = nativeRooms.made(teacher, course, session, room, version);
        platform.call(sql -> sql.insertInto(LIVE_RECORDING).set(LIVE_RECORDING.TENANT_ID, teacher.tenantId()).set(LIVE_RECORDING.COURSE_ID, course.id())
                .set(LIVE_RECORDING.ROOM_ID, room).set(LIVE_RECORDING.ROOM_NAME, roomName).set(LIVE_RECORDING.PROVIDER_ID, "livekit")
                .set(LIVE_RECORDING.PROVIDER_VERSION, version).set(LIVE_RECORDING.PROVIDER_RECORDING_ID, "EG_gone")
                .set(LiveColumns.RECORDING_STATUS, RecordingStatus.READY).execute());

        platform.call(sql -> sql.deleteFrom(COURSE).where(COURSE.ID.eq(course.id())).execute());
        assertThat(platform.count(VIDEO_CLEANUP, VIDEO_CLEANUP.ROOM_NAME.eq(roomName))).as("queued in the deleting transaction").isEqualTo(2);
        // An administrator switching the slot meanwhile changes nothing: the room's own settings version closes it.
        platform.resetPluginSlots();
        cleanup.cleanDue(10, Duration.ofSeconds(10));

        livekit.verify(postRequestedFor(urlEqualTo("/twirp/livekit.RoomService/DeleteRoom")).withRequestBody(equalToJson("{\"room\":\"" + roomName + "\"}")));
        assertThat(platform.count(VIDEO_CLEANUP, VIDEO_CLEANUP.ROOM_NAME.eq(roomName).and(VIDEO_CLEANUP.ACTION.eq("END_ROOM")))).isZero();
        assertThat(platform.value(VIDEO_CLEANUP.STATUS, VIDEO_CLEANUP.ROOM_NAME.eq(roomName))).isEqualTo("DEAD");
        assertThat(platform.value(VIDEO_CLEANUP.LAST_ERROR, VIDEO_CLEANUP.ROOM_NAME.eq(roomName))).contains("LiveKit cannot delete recorded files");
    }
}
