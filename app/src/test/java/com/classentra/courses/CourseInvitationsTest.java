package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseInvitations.InvitationOutcome;
import com.classentra.courses.CourseInvitations.InvitationPreview;
import com.classentra.courses.CourseService.JoinOutcome;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestOrigins;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Issue 11 item 3: invitations are personal links that the teacher can revoke, not the course's shared code. */
@ClassentraTest
class CourseInvitationsTest {

    private static final Pattern LINK = Pattern.compile("/courses/invitations/([A-Za-z0-9_.-]+)");

    @Autowired
    CourseInvitations invitations;
    @Autowired
    CourseService courses;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    com.classentra.notifications.NotificationService notifications;

    /** The token of the newest invitation emailed to the address. */
    private String tokenSentTo(String address) {
        var email = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(address))
                .orderBy(EMAIL_OUTBOX.CREATED_AT.desc()).limit(1).fetchSingle());
        Matcher link = LINK.matcher(queuedEmails.text(email));
        assertThat(link.find()).as("the email carries a personal link").isTrue();
        return link.group(1);
    }

    /** A teacher's course and a student invited to it, with the token of the link they were sent. */
    private record Invitation(SignedInUser teacher, CourseSummary course, SignedInUser student, String token) {
    }

    private Invitation invitationTo(String title) {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, title);
        SignedInUser student = classrooms.student("Luca", "Moretti");
        invitations.invite(teacher, course.id(), student.email());
        return new Invitation(teacher, course, student, tokenSentTo(student.email()));
    }

    private boolean enrolled(SignedInUser student, CourseSummary course) {
        return platform.count(ENROLMENT, ENROLMENT.COURSE_ID.eq(course.id()).and(ENROLMENT.STUDENT_ID.eq(student.id()))
                .and(ENROLMENT.STATUS.eq("ACTIVE"))) == 1;
    }

    @Test
    void eachAddressGetsItsOwnLinkThroughTheOutboxAndNotTheCoursesCode() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Cello");
        String a = "a-" + UUID.randomUUID() + "@example.com";
        String b = "b-" + UUID.randomUUID() + "@example.com";

        var invited = invitations.invite(teacher, course.id(), a + ", " + b + "\nnot-an-address; " + a);

        assertThat(invited.queued()).isEqualTo(2);
        assertThat(invited.refused()).containsExactly("not-an-address");
        var email = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(a)).fetchSingle());
        assertThat(email.getTenantId()).isEqualTo(teacher.tenantId());
        assertThat(email.getSubject()).isEqualTo("Ines Rossi invites you to Cello on Classentra");
        assertThat(queuedEmails.text(email)).contains("/courses/invitations/").contains("for " + a + " only")
                .doesNotContain(course.joinCode());
        assertThat(tokenSentTo(a)).isNotEqualTo(tokenSentTo(b));
        assertThat(invitations.open(teacher, course.id())).extracting(CourseInvitations.OpenInvitation::email).containsExactlyInAnyOrder(a, b);

        SignedInUser intruder = classrooms.teacher("Bea", "Rival");
        assertThatThrownBy(() -> invitations.invite(intruder, course.id(), "x@example.com")).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> invitations.open(intruder, course.id())).isInstanceOf(CourseNotFoundException.class);
        courses.archive(teacher, course.id(), true);
        assertThatThrownBy(() -> invitations.invite(teacher, course.id(), "x@example.com")).isInstanceOf(CourseArchivedException.class);
    }

    @Test
    void theInvitedPersonJoinsOnceAndTheTeacherIsTold() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Oboe");
        SignedInUser student = classrooms.student("Luca", "Moretti");
        invitations.invite(teacher, course.id(), student.email().toUpperCase());
        String token = tokenSentTo(student.email().toUpperCase());

        InvitationPreview preview = invitations.preview(student, token);
        assertThat(preview.wouldBe()).isEqualTo(InvitationOutcome.JOINED);
        assertThat(preview.title()).isEqualTo("Oboe");
        assertThat(preview.teacherName()).isEqualTo("Ines Rossi");
        assertThat(enrolled(student, course)).as("looking is not joining").isFalse();

        var accepted = invitations.accept(student, token);
        assertThat(accepted.outcome()).isEqualTo(InvitationOutcome.JOINED);
        assertThat(accepted.courseId()).isEqualTo(course.id());
        assertThat(enrolled(student, course)).isTrue();
        assertThat(notifications.latest(teacher, 10)).extracting(com.classentra.notifications.Notification::title)
                .contains("Luca Moretti joined the course");
        assertThat(invitations.open(teacher, course.id())).as("an accepted invitation is no longer open").isEmpty();
        assertThat(invitations.accept(student, token).outcome()).isEqualTo(InvitationOutcome.ALREADY_ENROLLED);
        assertThat(invitations.preview(student, token).wouldBe()).isEqualTo(InvitationOutcome.ALREADY_ENROLLED);

        courses.leave(student, course.id());
        assertThat(invitations.accept(student, token).outcome()).as("used up: it does not bring them back twice").isEqualTo(InvitationOutcome.USED);
        assertThat(enrolled(student, course)).isFalse();
    }

    @Test
    void onlyTheInvitedAddressCanUseTheLink() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Secret harp");
        SignedInUser invitee = classrooms.student("Mara", "Bianchi");
        SignedInUser forwardedTo = classrooms.student("Finn", "Other");
        invitations.invite(teacher, course.id(), invitee.email());
        String token = tokenSentTo(invitee.email());

        InvitationPreview preview = invitations.preview(forwardedTo, token);
        assertThat(preview.wouldBe()).isEqualTo(InvitationOutcome.WRONG_ACCOUNT);
        assertThat(preview.title()).as("the course is named only to the invitee").isNull();
        assertThat(preview.invitedAddressHint()).isEqualTo("s•••@example.com").doesNotContain(invitee.email());
        var accepted = invitations.accept(forwardedTo, token);
        assertThat(accepted.outcome()).isEqualTo(InvitationOutcome.WRONG_ACCOUNT);
        assertThat(accepted.title()).isNull();
        assertThat(enrolled(forwardedTo, course)).isFalse();
        assertThat(invitations.accept(invitee, token).outcome()).as("still good for its owner").isEqualTo(InvitationOutcome.JOINED);

        assertThatThrownBy(() -> invitations.accept(teacher, token)).as("students join courses").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAlteredOrMadeUpLinkLeadsNowhere() {
        Invitation invited = invitationTo("Flute");
        SignedInUser teacher = invited.teacher();
        CourseSummary course = invited.course();
        SignedInUser student = invited.student();
        String token = invited.token();
        String id = token.substring("COURSE_INVITATION.".length(), token.lastIndexOf('.'));

        String otherId = token.replace(id, UUID.randomUUID().toString());
        String tamperedSignature = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String forged : new String[] {otherId, tamperedSignature, "COURSE_INVITATION." + id, id, "", "%27--"}) {
            assertThat(invitations.preview(student, forged).wouldBe()).as(forged).isEqualTo(InvitationOutcome.UNKNOWN);
            assertThat(invitations.accept(student, forged).outcome()).as(forged).isEqualTo(InvitationOutcome.UNKNOWN);
        }
        assertThat(enrolled(student, course)).isFalse();
    }

    @Test
    void aRevokedInvitationStopsWorkingAndOnlyItsTeacherCanRevokeIt() {
        Invitation invited = invitationTo("Viola");
        SignedInUser teacher = invited.teacher();
        CourseSummary course = invited.course();
        SignedInUser student = invited.student();
        String token = invited.token();
        UUID invitation = invitations.open(teacher, course.id()).getFirst().id();

        SignedInUser intruder = classrooms.teacher("Bea", "Rival");
        CourseSummary intrudersCourse = classrooms.course(intruder, "Rival viola");
        assertThatThrownBy(() -> invitations.revoke(intruder, course.id(), invitation)).isInstanceOf(CourseNotFoundException.class);
        assertThat(invitations.revoke(intruder, intrudersCourse.id(), invitation)).as("not under another course either").isFalse();
        assertThat(invitations.resend(intruder, intrudersCourse.id(), invitation)).isFalse();

        assertThat(invitations.revoke(teacher, course.id(), invitation)).isTrue();
        assertThat(invitations.revoke(teacher, course.id(), invitation)).as("once").isFalse();
        assertThat(invitations.open(teacher, course.id())).isEmpty();
        assertThat(invitations.preview(student, token).wouldBe()).isEqualTo(InvitationOutcome.REVOKED);
        assertThat(invitations.preview(student, token).title()).isNull();
        assertThat(invitations.accept(student, token).outcome()).isEqualTo(InvitationOutcome.REVOKED);
        assertThat(enrolled(student, course)).isFalse();

        invitations.invite(teacher, course.id(), student.email());
        String fresh = tokenSentTo(student.email());
        assertThat(fresh).as("inviting again makes a new invitation").isNotEqualTo(token);
        assertThat(invitations.accept(student, fresh).outcome()).isEqualTo(InvitationOutcome.JOINED);
    }

    @Test
    void anInvitationBringsBackARemovedStudentWhomTheCodeKeepsOut() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Bassoon");
        SignedInUser student = classrooms.student("Luca", "Moretti");
        classrooms.enrol(student, course);
        courses.removeStudent(teacher, course.id(), student.id());
        assertThat(courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress()).outcome()).isEqualTo(JoinOutcome.REMOVED);

        var invited = invitations.invite(teacher, course.id(), student.email());
        assertThat(invited.alreadyIn()).isEmpty();
        String token = tokenSentTo(student.email());
        assertThat(invitations.preview(student, token).wouldBe()).isEqualTo(InvitationOutcome.JOINED);
        assertThat(invitations.accept(student, token).outcome()).isEqualTo(InvitationOutcome.JOINED);
        assertThat(enrolled(student, course)).isTrue();

        var again = invitations.invite(teacher, course.id(), student.email());
        assertThat(again.queued()).isZero();
        assertThat(again.alreadyIn()).as("a student already in the course gets no invitation").containsExactly(student.email());
    }

    @Test
    void anExpiredInvitationIsRefusedUntilTheTeacherSendsItAgainWithTheSameLink() {
        Invitation invited = invitationTo("Tuba");
        SignedInUser teacher = invited.teacher();
        CourseSummary course = invited.course();
        SignedInUser student = invited.student();
        String token = invited.token();
        UUID invitation = invitations.open(teacher, course.id()).getFirst().id();
        platform.call(sql -> sql.update(COURSE_INVITATION).set(COURSE_INVITATION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(COURSE_INVITATION.ID.eq(invitation)).execute());

        assertThat(invitations.preview(student, token).wouldBe()).isEqualTo(InvitationOutcome.EXPIRED);
        assertThat(invitations.accept(student, token).outcome()).isEqualTo(InvitationOutcome.EXPIRED);
        assertThat(invitations.open(teacher, course.id()).getFirst().expired(java.time.Instant.now())).isTrue();

        assertThat(invitations.resend(teacher, course.id(), invitation)).isTrue();
        assertThat(tokenSentTo(student.email())).as("the same link, sent again").isEqualTo(token);
        assertThat(platform.count(COURSE_INVITATION, COURSE_INVITATION.COURSE_ID.eq(course.id()))).isEqualTo(1);
        assertThat(invitations.accept(student, token).outcome()).isEqualTo(InvitationOutcome.JOINED);

        courses.archive(teacher, course.id(), true);
        SignedInUser late = classrooms.student("Late", "Comer");
        platform.call(sql -> sql.insertInto(COURSE_INVITATION).set(COURSE_INVITATION.ID, UUID.randomUUID())
                .set(COURSE_INVITATION.TENANT_ID, teacher.tenantId()).set(COURSE_INVITATION.COURSE_ID, course.id())
                .set(COURSE_INVITATION.EMAIL, late.email()).set(COURSE_INVITATION.EXPIRES_AT, OffsetDateTime.now().plusDays(1)).execute());
        UUID lateInvitation = invitations.open(teacher, course.id()).getFirst().id();
        assertThat(invitations.resend(teacher, course.id(), lateInvitation)).as("an archived course sends none").isFalse();
    }

    @Test
    void aTeacherSendsAtMost200InvitationsADay() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Choir");
        for (int batch = 0; batch < 4; batch++) {
            String addresses = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "c-" + UUID.randomUUID() + "@example.com")
                    .collect(java.util.stream.Collectors.joining(","));
            assertThat(invitations.invite(teacher, course.id(), addresses).queued()).isEqualTo(50);
        }
        String late = "late-" + UUID.randomUUID() + "@example.com";
        var refused = invitations.invite(teacher, course.id(), late);
        assertThat(refused.queued()).isZero();
        assertThat(refused.overDailyLimit()).containsExactly(late);
        assertThat(platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.TO_ADDRESS.eq(late))).isZero();
    }
}
