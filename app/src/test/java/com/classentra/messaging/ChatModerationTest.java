package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Topic channels, moderation and search: what teachers may do, what members may do, and what nobody else sees. */
@ClassentraTest
class ChatModerationTest {

    @Autowired
    MessagingService messaging;
    @Autowired
    ChatChannels channels;
    @Autowired
    ChatModeration moderation;
    @Autowired
    ChatSearch search;
    @Autowired
    Classrooms classrooms;
    @Autowired
    com.classentra.platform.db.ScopedTransactions scoped;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    com.classentra.testsupport.PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser ana;
    private SignedInUser ben;
    private CourseSummary course;

    @BeforeEach
    void aCourseWithTwoStudents() {
        teacher = classrooms.teacher("Tess", "Teacher");
        course = classrooms.course(teacher, "Harmony " + UUID.randomUUID());
        ana = classrooms.student("Ana", "Alves");
        ben = classrooms.student("Ben", "Brook");
        classrooms.enrol(ana, course);
        classrooms.enrol(ben, course);
    }

    @Test
    void aTeacherMakesTopicChannelsForTheCourseOrForChosenMembers() {
        Channel everyone = channels.createTopic(teacher, course.id(), "Concert logistics", null);
        Channel duet = channels.createTopic(teacher, course.id(), "Duet: Ana", List.of(ana.id()));
        assertThat(everyone.audience()).isEqualTo(ChannelAudience.COURSE);
        assertThat(duet.members()).containsExactlyInAnyOrder(ana.id(), teacher.id());

        assertThat(names(ben)).containsExactly(null, "Concert logistics");
        assertThat(names(ana)).containsExactly(null, "Concert logistics", "Duet: Ana");
        assertThatThrownBy(() -> messaging.history(ben, duet.id(), null)).isInstanceOf(ChannelNotFoundException.class);

        assertThatThrownBy(() -> channels.createTopic(ana, course.id(), "Students only", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> channels.createTopic(teacher, course.id(), " ", null)).isInstanceOf(MessagingRefusedException.class);
        SignedInUser stranger = classrooms.student("Sam", "Stranger");
        assertThatThrownBy(() -> channels.createTopic(teacher, course.id(), "With a stranger", List.of(stranger.id())))
                .isInstanceOf(MessagingRefusedException.class);
    }

    private List<String> names(SignedInUser user) {
        return channels.channels(user, course.id()).stream().map(s -> s.channel().name()).toList();
    }

    @Test
    void teachersPinMuteAndDealWithReportsAndStudentsCannot() {
        Channel channel = channels.courseChannel(teacher, course.id());
        ChatMessage rude = messaging.post(ben, channel.id(), "<p>This class is a joke</p>", null);

        moderation.report(ana, rude.id(), "Unkind to everyone");
        moderation.report(ana, rude.id(), "Unkind to everyone");
        assertThatThrownBy(() -> moderation.report(ana, rude.id(), " ")).isInstanceOf(MessagingRefusedException.class);
        assertThat(moderation.openReports(teacher, course.id())).singleElement().satisfies(report -> {
            assertThat(report.messageId()).isEqualTo(rude.id());
            assertThat(report.reporterId()).isEqualTo(ana.id());
        });
        assertThatThrownBy(() -> moderation.openReports(ana, course.id())).isInstanceOf(AccessDeniedException.class);

        moderation.mute(teacher, channel.id(), ben.id(), Duration.ofHours(1));
        assertThatThrownBy(() -> messaging.post(ben, channel.id(), "<p>Sorry</p>", null)).isInstanceOf(MessagingRefusedException.class)
                .hasMessageContaining("muted you");
        assertThatThrownBy(() -> moderation.mute(ana, channel.id(), ben.id(), Duration.ofHours(1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.mute(teacher, channel.id(), ben.id(), Duration.ofDays(31))).isInstanceOf(MessagingRefusedException.class);
        moderation.mute(teacher, channel.id(), ben.id(), Duration.ZERO);
        messaging.post(ben, channel.id(), "<p>Sorry</p>", null);

        ChatMessage notice = messaging.post(teacher, channel.id(), "<p>Concert on Friday</p>", null);
        moderation.pin(teacher, notice.id(), true);
        assertThatThrownBy(() -> moderation.pin(ana, notice.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThat(messaging.history(ana, channel.id(), null)).filteredOn(ChatMessage::pinned).extracting(ChatMessage::id).containsExactly(notice.id());

        messaging.delete(teacher, rude.id());
        var report = moderation.openReports(teacher, course.id()).getFirst();
        assertThat(moderation.resolve(teacher, course.id(), report.id())).isTrue();
        assertThat(moderation.openReports(teacher, course.id())).isEmpty();
    }

    @Test
    void aMutedStudentCannotLiftTheMuteNorMakeADirectChannelOutsideTheirCourses() {
        Channel channel = channels.courseChannel(teacher, course.id());
        moderation.mute(teacher, channel.id(), ben.id(), Duration.ofHours(1));
        CourseSummary elsewhere = classrooms.course(classrooms.teacher("Otto", "Other"), "Elsewhere " + UUID.randomUUID());
        int lifted = scoped.asUser(ben.id(), () -> db.deleteFrom(com.classentra.db.jooq.Tables.CHANNEL_MUTE).execute());
        assertThat(lifted).as("row-level security keeps the mute from its subject").isZero();
        assertThatThrownBy(() -> messaging.post(ben, channel.id(), "<p>Still here</p>", null)).isInstanceOf(MessagingRefusedException.class);

        // Straight into the database, past the service: a "direct" channel in a course Ben is not in is refused.
        String pair = Channel.pair(ben.id(), ana.id());
        UUID elsewhereTenant = platform.value(com.classentra.db.jooq.Tables.COURSE.TENANT_ID, com.classentra.db.jooq.Tables.COURSE.ID.eq(elsewhere.id()));
        assertThatThrownBy(() -> scoped.asUser(ben.id(), () -> db.insertInto(com.classentra.db.jooq.Tables.CHANNEL)
                .set(com.classentra.db.jooq.Tables.CHANNEL.TENANT_ID, elsewhereTenant)
                .set(com.classentra.db.jooq.Tables.CHANNEL.COURSE_ID, elsewhere.id()).set(com.classentra.db.jooq.Tables.CHANNEL.KIND, "DIRECT")
                .set(com.classentra.db.jooq.Tables.CHANNEL.AUDIENCE, "MEMBERS").set(com.classentra.db.jooq.Tables.CHANNEL.DIRECT_PAIR, pair)
                .set(com.classentra.db.jooq.Tables.CHANNEL.MEMBERS, new UUID[] {ben.id(), ana.id()})
                .set(com.classentra.db.jooq.Tables.CHANNEL.CREATED_BY, ben.id()).execute()))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @Test
    void searchFindsOnlyWhatThePersonCanRead() {
        Channel channel = channels.courseChannel(teacher, course.id());
        messaging.post(teacher, channel.id(), "<p>The Brahms sextet starts at bar 12</p>", null);
        Channel direct = channels.direct(ana, course.id(), teacher.id());
        messaging.post(ana, direct.id(), "<p>I struggle with the Brahms cadenza</p>", null);

        assertThat(search.search(ana, course.id(), "brahms")).hasSize(2);
        assertThat(search.search(ben, course.id(), "brahms")).singleElement().satisfies(hit -> {
            assertThat(hit.channelId()).isEqualTo(channel.id());
            assertThat(hit.excerpt()).contains("«Brahms»");
        });
        assertThat(search.search(teacher, course.id(), "\"brahms cadenza\"")).singleElement()
                .satisfies(hit -> assertThat(hit.channelId()).isEqualTo(direct.id()));
        assertThat(search.search(ben, course.id(), "   ")).isEmpty();
        SignedInUser stranger = classrooms.student("Sam", "Stranger");
        assertThatThrownBy(() -> search.search(stranger, course.id(), "brahms")).isInstanceOf(ChannelNotFoundException.class);
    }
}
