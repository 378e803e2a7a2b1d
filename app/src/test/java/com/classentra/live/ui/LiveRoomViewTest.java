package com.classentra.live.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.ItemKind;
import com.classentra.classwork.ui.CourseView;
import com.classentra.courses.CourseSummary;
import com.classentra.live.LiveRooms;
import com.classentra.live.LiveRoomsFixture;
import com.classentra.live.RoomSettings;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasErrorParameter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** A teacher holds a session in a room here; its students join it from the course page into the room page. */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class LiveRoomViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    static final WireMockExtension livekit = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().globalTemplating(true)).build();

    @Autowired
    LiveRoomsFixture rooms;
    @Autowired
    Classrooms classrooms;
    @Autowired
    ClassworkService classwork;
    @Autowired
    PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser student;
    private CourseSummary course;

    @BeforeEach
    void aCourseOnLiveKit() throws Exception {
        rooms.onLiveKit(livekit, "APIview0001", "the-view-test-secret-of-livekit-0000000");
        livekit.stubFor(post("/twirp/livekit.RoomService/CreateRoom").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"RM_1\",\"name\":\"{{jsonPath request.body '$.name'}}\"}")));
        teacher = classrooms.teacher("Vera", "Video");
        course = classrooms.course(teacher, "Cello ensemble");
        student = classrooms.student("Lia", "Listens");
        classrooms.enrol(student, course);
    }

    @AfterEach
    void signOutAndBackToDefaults() {
        SecurityContextHolder.clearContext();
        platform.resetPluginSlots();
    }

    private UUID sessionInARoom(Instant startsAt) {
        ItemForm form = new ItemForm(ItemKind.SESSION, "Rehearsal", "", true, null, null, null, null, null, startsAt, 60, null, null,
                new RoomSettings(true, 50, 5));
        ClassworkService.Saved saved = classwork.save(teacher, course.id(), null, form, List.of());
        assertThat(saved.problems()).isEmpty();
        rooms.makeDue();
        return saved.item().id();
    }

    @Test
    void aStudentJoinsFromTheCoursePageIntoTheProvidersClientInsideTheRoomPage() {
        UUID session = sessionInARoom(Instant.now().plus(5, ChronoUnit.MINUTES));

        SignIn.as(student);
        navigate("courses/" + course.id(), CourseView.class);
        Anchor join = find(Anchor.class).withText("Join the room").single();
        assertThat(join.getHref()).isEqualTo(LiveRooms.roomPath(course.id(), session));

        navigate(join.getHref(), LiveRoomView.class);
        IFrame client = find(IFrame.class).single();
        assertThat(client.getSrc()).startsWith("https://meet.livekit.io/custom?liveKitUrl=").contains("&token=");
        assertThat(client.getAllow()).hasValueSatisfying(allow -> assertThat(allow).contains("camera; microphone; display-capture"));
    }

    @Test
    void beforeItsWindowTheRoomPageSaysWhenItOpensAndNobodyOutsideTheCourseSeesIt() {
        UUID session = sessionInARoom(Instant.now().plus(2, ChronoUnit.HOURS));

        SignIn.as(student);
        navigate(LiveRooms.roomPath(course.id(), session), LiveRoomView.class);
        assertThat(find(IFrame.class).exists()).isFalse();
        assertThat(find(Paragraph.class).withText("The room opens ten minutes before the session starts.").exists()).isTrue();

        // Another person has a session, and a UI, of their own.
        SignedInUser outsider = classrooms.student("Oskar", "Outside");
        cleanVaadinEnvironment();
        SignIn.as(outsider);
        initVaadinEnvironment();
        UI.getCurrent().navigate(LiveRooms.roomPath(course.id(), session));
        assertThat(getCurrentView()).isInstanceOf(HasErrorParameter.class).isNotInstanceOf(LiveRoomView.class);
        assertThat(find(IFrame.class).exists()).isFalse();
    }
}
