package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.notifications.Notification;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Direct messages and mentions notify, once per unread conversation; muting a channel silences it; receipts are the reader's to give. */
@ClassentraTest
class ChatNotificationsTest {

    @Autowired
    MessagingService messaging;
    @Autowired
    ChatChannels channels;
    @Autowired
    ChatReading reading;
    @Autowired
    NotificationService notifications;
    @Autowired
    Classrooms classrooms;

    private SignedInUser teacher;
    private SignedInUser ana;
    private SignedInUser ben;
    private SignedInUser bea;
    private CourseSummary course;

    @BeforeEach
    void aCourse() {
        teacher = classrooms.teacher("Tess", "Teacher");
        course = classrooms.course(teacher, "Harmony " + UUID.randomUUID());
        ana = classrooms.student("Ana", "Alves");
        ben = classrooms.student("Ben", "Brook");
        bea = classrooms.student("Bea", "Brook");
        for (SignedInUser student : List.of(ana, ben, bea)) {
            classrooms.enrol(student, course);
        }
    }

    @Test
    void aDirectMessageNotifiesTheOtherPersonOncePerUnreadConversation() {
        Channel direct = channels.direct(ana, course.id(), teacher.id());
        messaging.post(ana, direct.id(), "<p>Can I come later today?</p>", null);
        messaging.post(ana, direct.id(), "<p>Around five?</p>", null);

        assertThat(messages(teacher)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Ana Alves sent you a direct message");
            assertThat(n.link()).isEqualTo("/courses/" + course.id() + "/chat?channel=" + direct.id());
            assertThat(n.unread()).isTrue();
        });
        assertThat(messages(ana)).as("the author hears nothing of their own message").isEmpty();

        // Opening the conversation reads its notification; the next message is news again.
        reading.markRead(teacher, direct.id());
        assertThat(messages(teacher)).singleElement().satisfies(n -> assertThat(n.unread()).isFalse());
        messaging.post(ana, direct.id(), "<p>Or six.</p>", null);
        assertThat(messages(teacher)).hasSize(2).first().satisfies(n -> assertThat(n.unread()).isTrue());
    }

    @Test
    void aMentionNotifiesWhomItNamesAndAMutedChannelStaysQuiet() {
        Channel general = channels.courseChannel(teacher, course.id());
        ChatMessage question = messaging.post(teacher, general.id(), "<p>@Ana Alves and @ben brook, who plays first?</p>", null);
        assertThat(question.mentions()).containsExactly(ana.id(), ben.id());
        assertThat(messages(ana)).singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("Tess Teacher mentioned you in the course channel"));
        assertThat(messages(ben)).hasSize(1);
        assertThat(messages(bea)).isEmpty();

        // A first name alone mentions only when nobody else there has it: two Brooks, one Bea.
        ChatMessage byFirstName = messaging.post(teacher, general.id(), "<p>@Bea, your turn. @Brook?</p>", null);
        assertThat(byFirstName.mentions()).containsExactly(bea.id());
        assertThat(ChatMentions.position("mail @Anastasia", "Ana")).as("a longer name is not this one").isEqualTo(-1);
        assertThat(ChatMentions.position("me@Ana Alves", "Ana Alves")).as("an address is not a mention").isEqualTo(-1);

        reading.muteNotifications(bea, general.id(), true);
        reading.markRead(bea, general.id());
        messaging.post(teacher, general.id(), "<p>@Bea Brook again</p>", null);
        assertThat(messages(bea)).as("muted: no new notification").singleElement().satisfies(n -> assertThat(n.unread()).isFalse());

        // An edit that names someone new tells them; those named before hear nothing twice.
        reading.markRead(ana, general.id());
        messaging.edit(teacher, question.id(), "<p>@Ana Alves, @Ben Brook and @Bea Brook, who plays first?</p>");
        assertThat(messages(ana)).singleElement().satisfies(n -> assertThat(n.unread()).isFalse());
    }

    @Test
    void withReadReceiptsOffTheOthersSeeNothingButOnesOwnCountsStillMove() {
        Channel direct = channels.direct(ana, course.id(), teacher.id());
        messaging.post(ana, direct.id(), "<p>Here is my recording.</p>", null);
        assertThat(reading.sendsReadReceipts(teacher)).isTrue();
        reading.setSendReadReceipts(teacher, false);
        reading.markRead(teacher, direct.id());

        assertThat(messaging.history(ana, direct.id(), null).getFirst().seenBy()).isEmpty();
        assertThat(channels.channels(teacher, course.id()).stream().filter(s -> s.channel().id().equals(direct.id())).findFirst().orElseThrow().unread())
                .isZero();

        reading.setSendReadReceipts(teacher, true);
        messaging.post(ana, direct.id(), "<p>And the score.</p>", null);
        reading.markRead(teacher, direct.id());
        assertThat(messaging.history(ana, direct.id(), null)).allSatisfy(m -> assertThat(m.seenBy()).containsExactly(teacher.id()));
    }

    private List<Notification> messages(SignedInUser reader) {
        return notifications.latest(reader, 20).stream().filter(n -> n.kind() == NotificationKind.MESSAGE).toList();
    }
}
