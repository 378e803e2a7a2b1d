package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.privacy.PersonalDataRegistry;
import com.classentra.platform.privacy.RetentionPurge;
import com.classentra.platform.privacy.RetentionRule;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.platform.events.ClusterEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClassentraTest
class MessagingServiceTest {

    @Autowired
    MessagingService messaging;
    @Autowired
    ChatChannels channels;
    @Autowired
    ChatReading reading;
    @Autowired
    ChatInbox inbox;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PersonalDataRegistry registry;
    @Autowired
    RetentionPurge purge;
    @Autowired
    PlatformSql platform;
    @Autowired
    CourseService courses;
    @Autowired
    ChatModeration moderation;

    private SignedInUser teacher;
    private SignedInUser ana;
    private SignedInUser ben;
    private SignedInUser outsider;
    private SignedInUser otherTeacher;
    private CourseSummary course;

    @BeforeEach
    void aCourseWithTwoStudents() {
        teacher = classrooms.teacher("Tess", "Teacher");
        otherTeacher = classrooms.teacher("Otto", "Other");
        course = classrooms.course(teacher, "Chamber music " + UUID.randomUUID());
        ana = classrooms.student("Ana", "Alves");
        ben = classrooms.student("Ben", "Brook");
        outsider = classrooms.student("Olga", "Outside");
        classrooms.enrol(ana, course);
        classrooms.enrol(ben, course);
    }

    @Test
    void everyoneOfTheCourseReadsItsChannelAndNobodyElse() {
        Channel channel = channels.courseChannel(teacher, course.id());
        assertThat(channels.courseChannel(ana, course.id()).id()).isEqualTo(channel.id());

        ChatMessage hello = messaging.post(ana, channel.id(), "<p>Hello <b>class</b><script>alert(1)</script></p>", null);
        assertThat(hello.bodyHtml()).isEqualTo("<p>Hello <b>class</b></p>");
        assertThat(messaging.history(teacher, channel.id(), null)).extracting(ChatMessage::id).containsExactly(hello.id());
        assertThat(messaging.history(ben, channel.id(), null)).extracting(ChatMessage::id).containsExactly(hello.id());

        for (SignedInUser stranger : List.of(outsider, otherTeacher)) {
            assertThatThrownBy(() -> channels.courseChannel(stranger, course.id())).isInstanceOf(ChannelNotFoundException.class);
            assertThatThrownBy(() -> messaging.history(stranger, channel.id(), null)).isInstanceOf(ChannelNotFoundException.class);
            assertThatThrownBy(() -> messaging.post(stranger, channel.id(), "<p>Let me in</p>", null)).isInstanceOf(ChannelNotFoundException.class);
            assertThatThrownBy(() -> messaging.react(stranger, hello.id(), "👍")).isInstanceOf(ChannelNotFoundException.class);
            assertThatThrownBy(() -> reading.markRead(stranger, channel.id())).isInstanceOf(ChannelNotFoundException.class);
        }

        // A student who leaves no longer reads it.
        courses.leave(ben, course.id());
        assertThatThrownBy(() -> messaging.history(ben, channel.id(), null)).isInstanceOf(ChannelNotFoundException.class);
    }

    @Test
    void badMessagesAreRefusedWithAReasonAndStoreNothing() {
        Channel channel = channels.courseChannel(teacher, course.id());
        assertThatThrownBy(() -> messaging.post(ana, channel.id(), "   ", null)).isInstanceOf(MessagingRefusedException.class)
                .hasMessage("Write something first.");
        assertThatThrownBy(() -> messaging.post(ana, channel.id(), "<script>alert(1)</script>", null)).isInstanceOf(MessagingRefusedException.class);
        assertThatThrownBy(() -> messaging.post(ana, channel.id(), "<p>" + "a".repeat(MessagingService.MAX_TEXT + 1) + "</p>", null))
                .isInstanceOf(MessagingRefusedException.class).hasMessageContaining("at most 8000 characters");
        assertThat(messaging.history(teacher, channel.id(), null)).isEmpty();

        ChatMessage question = messaging.post(ana, channel.id(), "<p>When is the concert?</p>", null);
        assertThatThrownBy(() -> messaging.edit(ben, question.id(), "<p>Hacked</p>")).isInstanceOf(MessagingRefusedException.class);
        assertThatThrownBy(() -> messaging.delete(ben, question.id())).isInstanceOf(MessagingRefusedException.class);
        assertThatThrownBy(() -> messaging.react(ben, question.id(), "lol")).isInstanceOf(MessagingRefusedException.class);
        assertThat(messaging.history(teacher, channel.id(), null)).singleElement()
                .satisfies(m -> assertThat(m.bodyHtml()).isEqualTo("<p>When is the concert?</p>"));
    }

    @Test
    void repliesEditsReactionsAndDeletionsShowAsTheyShould() {
        Channel channel = channels.courseChannel(teacher, course.id());
        ChatMessage question = messaging.post(ana, channel.id(), "<p>When is the concert?</p>", null);
        ChatMessage answer = messaging.post(teacher, channel.id(), "<p>Friday at 7.</p>", question.id());
        ChatMessage thanks = messaging.post(ana, channel.id(), "<p>Thanks!</p>", answer.id());
        assertThat(answer.parentId()).isEqualTo(question.id());
        assertThat(thanks.parentId()).as("one level of threads").isEqualTo(question.id());

        messaging.edit(ana, question.id(), "<p>When exactly is the concert?</p>");
        messaging.react(ben, answer.id(), "👍");
        messaging.react(ben, answer.id(), "👍");
        messaging.react(ana, answer.id(), "👍");
        messaging.delete(teacher, thanks.id());

        List<ChatMessage> shown = messaging.history(ben, channel.id(), null);
        assertThat(shown).extracting(ChatMessage::id).containsExactly(question.id(), answer.id(), thanks.id());
        assertThat(shown.get(0).editedAt()).isNotNull();
        assertThat(shown.get(0).bodyHtml()).contains("exactly");
        assertThat(shown.get(1).reactions()).containsOnlyKeys("👍");
        assertThat(shown.get(1).reactions().get("👍")).containsExactly(ben.id(), ana.id());
        assertThat(shown.get(2).deleted()).isTrue();
        assertThat(shown.get(2).bodyHtml()).isNull();

        messaging.unreact(ben, answer.id(), "👍");
        assertThat(messaging.history(ben, channel.id(), null).get(1).reactions().get("👍")).containsExactly(ana.id());
    }

    @Test
    void directMessagesAreReadByTheirTwoPeopleOnly() {
        Channel direct = channels.direct(ana, course.id(), teacher.id());
        assertThat(channels.direct(teacher, course.id(), ana.id()).id()).as("one channel per pair").isEqualTo(direct.id());
        ChatMessage message = messaging.post(ana, direct.id(), "<p>Can I miss Friday?</p>", null);

        assertThat(messaging.history(teacher, direct.id(), null)).extracting(ChatMessage::id).containsExactly(message.id());
        for (SignedInUser stranger : List.of(ben, outsider, otherTeacher)) {
            assertThatThrownBy(() -> messaging.history(stranger, direct.id(), null)).isInstanceOf(ChannelNotFoundException.class);
        }
        assertThatThrownBy(() -> channels.direct(ana, course.id(), outsider.id())).isInstanceOf(MessagingRefusedException.class);

        // Student to student only once the teacher allows it, and then the teacher does not read along.
        assertThatThrownBy(() -> channels.direct(ana, course.id(), ben.id())).isInstanceOf(MessagingRefusedException.class)
                .hasMessageContaining("not turned on direct messages between students");
        channels.allowStudentDirectMessages(teacher, course.id(), true);
        Channel students = channels.direct(ana, course.id(), ben.id());
        messaging.post(ana, students.id(), "<p>Practice together?</p>", null);
        assertThat(messaging.history(ben, students.id(), null)).hasSize(1);
        assertThatThrownBy(() -> messaging.history(teacher, students.id(), null)).isInstanceOf(ChannelNotFoundException.class);
        assertThatThrownBy(() -> channels.allowStudentDirectMessages(ana, course.id(), false))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void unreadCountsAndSeenByFollowTheReadMarkers() {
        Channel channel = channels.courseChannel(teacher, course.id());
        messaging.post(teacher, channel.id(), "<p>Rehearsal moved to 6.</p>", null);
        messaging.post(teacher, channel.id(), "<p>Bring your scores.</p>", null);
        assertThat(unread(ana, channel)).isEqualTo(2);
        assertThat(unread(teacher, channel)).as("one's own messages are read").isZero();
        reading.markRead(ana, channel.id());
        assertThat(unread(ana, channel)).isZero();
        assertThat(unread(ben, channel)).isEqualTo(2);

        Channel direct = channels.direct(ana, course.id(), teacher.id());
        ChatMessage message = messaging.post(ana, direct.id(), "<p>Thank you</p>", null);
        assertThat(messaging.history(ana, direct.id(), null).getFirst().seenBy()).isEmpty();
        reading.markRead(teacher, direct.id());
        assertThat(messaging.history(ana, direct.id(), null)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(message.id());
            assertThat(m.seenBy()).containsExactly(teacher.id());
        });
    }

    @Test
    void aDirectConversationGoesOnceNeitherOfItsPeopleTakesPartInTheCourse() {
        channels.allowStudentDirectMessages(teacher, course.id(), true);
        Channel students = channels.direct(ana, course.id(), ben.id());
        Channel withTeacher = channels.direct(ana, course.id(), teacher.id());
        messaging.post(ana, students.id(), "<p>Swap parts?</p>", null);
        messaging.post(ana, withTeacher.id(), "<p>I am leaving the course.</p>", null);
        RetentionRule departed = registry.retentionRule("direct-channel-departed");

        courses.leave(ana, course.id());
        purge.purge(departed, java.time.OffsetDateTime.now().plusSeconds(1));
        assertThat(messaging.history(ben, students.id(), null)).as("Ben still takes part: he keeps the conversation").hasSize(1);
        assertThat(messaging.history(teacher, withTeacher.id(), null)).as("so does the teacher").hasSize(1);

        courses.leave(ben, course.id());
        purge.purge(departed, java.time.OffsetDateTime.now().plusSeconds(1));
        assertThatThrownBy(() -> messaging.history(teacher, students.id(), null)).isInstanceOf(ChannelNotFoundException.class);
        assertThat(platform.count(com.classentra.db.jooq.Tables.CHANNEL, com.classentra.db.jooq.Tables.CHANNEL.ID.eq(students.id())))
                .as("nobody of it is left: it is gone with its messages").isZero();
        assertThat(platform.count(com.classentra.db.jooq.Tables.CHANNEL, com.classentra.db.jooq.Tables.CHANNEL.ID.eq(withTeacher.id()))).isEqualTo(1);
    }

    @Test
    void theInboxHoldsTheConversationsOnePersonReadsWithTheirUnreadCounts() {
        Channel general = channels.courseChannel(teacher, course.id());
        Channel direct = channels.direct(ana, course.id(), teacher.id());
        messaging.post(teacher, general.id(), "<p>Welcome</p>", null);
        messaging.post(ana, direct.id(), "<p>Hello, teacher</p>", null);

        assertThat(inbox.conversations(teacher)).extracting(e -> e.channel().id(), ChatInbox.Entry::title, ChatInbox.Entry::courseTitle, ChatInbox.Entry::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(direct.id(), "Ana Alves", course.title(), 1),
                        org.assertj.core.groups.Tuple.tuple(general.id(), "# General", course.title(), 0));
        assertThat(inbox.unreadConversations(teacher)).extracting(ChatInbox.Entry::link).containsExactly("courses/" + course.id() + "/chat?channel=" + direct.id());
        assertThat(inbox.conversations(ana)).extracting(ChatInbox.Entry::title).containsExactly("Tess Teacher", "# General");
        assertThat(inbox.unread(ana)).isEqualTo(1);
        assertThat(inbox.conversations(ben)).extracting(e -> e.channel().id()).as("not Ana's direct conversation").containsExactly(general.id());
        assertThat(inbox.conversations(outsider)).isEmpty();
        assertThat(inbox.conversations(otherTeacher)).isEmpty();
        reading.markRead(ana, general.id());
        assertThat(inbox.unread(ana)).isZero();
    }

    private int unread(SignedInUser user, Channel channel) {
        return channels.channels(user, course.id()).stream().filter(s -> s.channel().id().equals(channel.id())).findFirst().orElseThrow().unread();
    }

    @Test
    void anArchivedCourseIsReadOnlyAndPaymentLinksAreFlagged() {
        Channel channel = channels.courseChannel(teacher, course.id());
        ChatMessage flagged = messaging.post(teacher, channel.id(), "<p>Pay here: <a href=\"https://paypal.me/tess\">link</a></p>", null);
        ChatMessage plain = messaging.post(teacher, channel.id(), "<p>See <a href=\"https://example.org/score\">the score</a></p>", null);
        assertThat(flagged.flagged()).isTrue();
        assertThat(plain.flagged()).isFalse();

        courses.archive(teacher, course.id(), true);
        assertThatThrownBy(() -> messaging.post(ana, channel.id(), "<p>Hello?</p>", null)).isInstanceOf(MessagingRefusedException.class)
                .hasMessageContaining("archived");
        assertThat(messaging.history(ana, channel.id(), null)).hasSize(2);
    }

    @Test
    void typingIsHeardOnlyWhereThePersonMayPost() throws Exception {
        Channel channel = channels.courseChannel(teacher, course.id());
        BlockingQueue<ChatEvent> typing = new LinkedBlockingQueue<>();
        ClusterEvents.Subscription watching = messaging.watch(teacher, channel.id(), (event, latest) -> {
            if (event.kind() == ChatEvent.Kind.TYPING) {
                typing.add(event);
            }
        });
        try {
            reading.typing(ana, channel.id());
            assertThat(typing.poll(2, TimeUnit.SECONDS)).isEqualTo(new ChatEvent(ChatEvent.Kind.TYPING, ana.id()));

            moderation.mute(teacher, channel.id(), ana.id(), Duration.ofHours(1));
            reading.typing(ana, channel.id());
            reading.typing(ben, channel.id());
            assertThat(typing.poll(2, TimeUnit.SECONDS)).as("Ben's, as nobody muted him").isEqualTo(new ChatEvent(ChatEvent.Kind.TYPING, ben.id()));

            courses.archive(teacher, course.id(), true);
            reading.typing(ben, channel.id());
            assertThat(typing.poll(500, TimeUnit.MILLISECONDS)).as("nobody types in an archived course").isNull();
        } finally {
            watching.cancel();
        }
    }
}
