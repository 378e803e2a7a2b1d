package com.classentra.notifications;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.NOTIFICATION_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.SignUpForm;
import com.classentra.courses.CourseForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.db.jooq.tables.records.NotificationDigestRecord;
import com.classentra.db.jooq.tables.records.NotificationRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestOrigins;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@ClassentraTest
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationMailer mailer;
    @Autowired
    CourseService courses;
    @Autowired
    AccountService accounts;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ClassentraProperties properties;
    @Autowired
    DSLContext db;
    @Autowired
    MeterRegistry meters;

    private SignedInUser teacher() {
        String email = "t-" + UUID.randomUUID() + "@example.com";
        accounts.signUp(new SignUpForm(true, "Tea", "Cher", null, email, "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());
        testAccounts.completeOnboarding(email);
        return testAccounts.principal(email);
    }

    private SignedInUser student() {
        return testAccounts.principal(testAccounts.create(Role.STUDENT).email());
    }

    private CourseSummary course(SignedInUser teacher, String title, SignedInUser... students) {
        CourseSummary course = courses.create(teacher, new CourseForm(title, "", null, null, Visibility.PRIVATE)).course();
        for (SignedInUser student : students) {
            courses.join(student, course.joinCode(), TestOrigins.fresh().clientAddress());
        }
        return course;
    }

    private void asTeacher(SignedInUser teacher, Runnable work) {
        DbScope.tenant(teacher.tenantId(), teacher.id()).run(() -> transactions.executeWithoutResult(status -> work.run()));
    }

    private void announce(SignedInUser teacher, CourseSummary course, String title) {
        asTeacher(teacher, () -> notifications.notifyCourseStudents(teacher.tenantId(), course.id(), NotificationKind.ANNOUNCEMENT, title,
                "/courses/" + course.id()));
    }

    private List<EmailOutboxRecord> emailsTo(SignedInUser person) {
        return platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(person.email())).fetch());
    }

    private String emailState(SignedInUser person) {
        return platform.call(sql -> sql.select(NOTIFICATION.EMAIL_STATE).from(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(person.id()))
                .fetch(NOTIFICATION.EMAIL_STATE)).stream().distinct().reduce((a, b) -> a + "," + b).orElse("none");
    }

    @Test
    void theActiveStudentsOfTheCourseAreNotifiedAndNobodyElse() {
        SignedInUser teacher = teacher();
        SignedInUser first = student();
        SignedInUser second = student();
        SignedInUser otherCourse = student();
        SignedInUser left = student();
        CourseSummary course = course(teacher, "Cello", first, second, left);
        course(teacher, "Viola", otherCourse);
        courses.leave(left, course.id());
        SignedInUser otherTeacher = teacher();
        SignedInUser otherTenantStudent = student();
        CourseSummary otherTenantCourse = course(otherTeacher, "Harp", otherTenantStudent);

        announce(teacher, course, "Rehearsal moved to Friday");

        assertThat(notifications.unreadCount(first)).isEqualTo(1);
        assertThat(notifications.unreadCount(second)).isEqualTo(1);
        assertThat(notifications.latest(first, 5)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Rehearsal moved to Friday");
            assertThat(n.courseTitle()).isEqualTo("Cello");
            assertThat(n.link()).isEqualTo("/courses/" + course.id());
            assertThat(n.unread()).isTrue();
        });
        assertThat(notifications.unreadCount(otherCourse)).isZero();
        assertThat(notifications.unreadCount(left)).isZero();
        // The teacher heard of the students joining, and of nothing else.
        assertThat(notifications.latest(teacher, 10)).extracting(Notification::kind).containsOnly(NotificationKind.ENROLMENT);

        // Another workspace's course reaches nobody, whether named with its own tenant or the caller's.
        asTeacher(teacher, () -> notifications.notifyCourseStudents(teacher.tenantId(), otherTenantCourse.id(), NotificationKind.ANNOUNCEMENT,
                "Not yours", "/courses"));
        asTeacher(teacher, () -> notifications.notifyCourseStudents(otherTeacher.tenantId(), otherTenantCourse.id(),
                NotificationKind.ANNOUNCEMENT, "Not yours", "/courses"));
        assertThat(notifications.unreadCount(otherTenantStudent)).isZero();
    }

    @Test
    void notifyingNeedsTheCallersTransactionAndAPathInsideTheApp() {
        SignedInUser teacher = teacher();
        SignedInUser student = student();
        CourseSummary course = course(teacher, "Oboe", student);

        assertThatThrownBy(() -> notifications.notifyCourseStudents(teacher.tenantId(), course.id(), NotificationKind.ANNOUNCEMENT, "x", "/"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> asTeacher(teacher, () -> notifications.notifyCourseStudents(teacher.tenantId(), course.id(),
                NotificationKind.ANNOUNCEMENT, "x", "https://evil.example/"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(notifications.unreadCount(student)).isZero();
    }

    @Test
    void aStudentsSubmissionNotifiesTheTeachersOfTheCourse() {
        SignedInUser teacher = teacher();
        SignedInUser student = student();
        SignedInUser stranger = student();
        CourseSummary course = course(teacher, "Composition", student);

        DbScope.user(student.id()).run(() -> transactions.executeWithoutResult(status -> notifications.notifyCourseTeachers(
                teacher.tenantId(), course.id(), NotificationKind.SUBMISSION, "New submission: Fugue in C", "/courses/" + course.id(), student.id())));
        // Someone not enrolled learns nothing and notifies nobody.
        DbScope.user(stranger.id()).run(() -> transactions.executeWithoutResult(status -> notifications.notifyCourseTeachers(
                teacher.tenantId(), course.id(), NotificationKind.SUBMISSION, "Spam", "/courses/" + course.id(), stranger.id())));

        assertThat(notifications.latest(teacher, 5).stream().filter(n -> n.kind() != NotificationKind.ENROLMENT)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("New submission: Fugue in C");
            assertThat(n.kind()).isEqualTo(NotificationKind.SUBMISSION);
            assertThat(n.courseTitle()).isEqualTo("Composition");
        });
        assertThat(notifications.unreadCount(student)).isZero();
    }

    @Test
    void anImmediateEmailLandsInTheOutboxWithTheAbsoluteLinkAndTheSettingsLink() {
        SignedInUser teacher = teacher();
        SignedInUser student = student();
        CourseSummary course = course(teacher, "Piano <duets>", student);

        announce(teacher, course, "Week 3 & 4 recordings");
        assertThat(emailState(student)).isEqualTo("PENDING");
        mailer.emailDue(100, Duration.ofSeconds(10));

        assertThat(emailState(student)).isEqualTo("SENT");
        assertThat(emailsTo(student)).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).isEqualTo("Week 3 & 4 recordings · Piano <duets>");
            assertThat(email.getRecipientUserId()).isEqualTo(student.id());
            assertThat(email.getTenantId()).isEqualTo(teacher.tenantId());
            assertThat(queuedEmails.text(email)).contains(properties.publicUrl() + "/courses/" + course.id())
                    .contains(properties.publicUrl() + "/settings");
            assertThat(queuedEmails.html(email)).contains("href=\"" + properties.publicUrl() + "/courses/" + course.id() + "\"")
                    .contains("Piano &lt;duets&gt;").contains("Week 3 &amp; 4 recordings");
        });
        mailer.emailDue(100, Duration.ofSeconds(10));
        assertThat(emailsTo(student)).as("sent once").hasSize(1);
    }

    @Test
    void aMessageNotificationWaitsForItsEmailAndOneReadMeanwhileIsNotEmailed() {
        SignedInUser teacher = teacher();
        SignedInUser reader = student();
        SignedInUser away = student();
        CourseSummary course = course(teacher, "Cello", reader, away);
        for (SignedInUser student : List.of(reader, away)) {
            asTeacher(teacher, () -> notifications.notifyPeople(List.of(student.id()), teacher.tenantId(), course.id(), NotificationKind.MESSAGE,
                    "Tea Cher sent you a direct message", "/courses/" + course.id() + "/chat?channel=" + UUID.randomUUID(), teacher.id()));
        }
        mailer.emailDue(100, Duration.ofSeconds(10));
        assertThat(emailState(away)).as("not due before its wait").isEqualTo("PENDING");

        notifications.markAllRead(reader);
        platform.call(sql -> sql.update(NOTIFICATION).set(NOTIFICATION.EMAIL_NEXT_ATTEMPT_AT, OffsetDateTime.now().minusSeconds(1))
                .where(NOTIFICATION.USER_ID.in(reader.id(), away.id())).execute());
        mailer.emailDue(100, Duration.ofSeconds(10));
        assertThat(emailState(reader)).as("read in the app meanwhile").isEqualTo("SKIPPED");
        assertThat(emailsTo(reader)).isEmpty();
        assertThat(emailState(away)).isEqualTo("SENT");
        assertThat(emailsTo(away)).singleElement().satisfies(email -> assertThat(email.getSubject()).startsWith("Tea Cher sent you a direct message"));
    }

    @Test
    void offSendsNoEmailAndUnconfirmedAddressesGetNone() {
        SignedInUser teacher = teacher();
        SignedInUser quiet = student();
        SignedInUser unconfirmed = student();
        notifications.setEmailPreference(quiet, NotificationKind.ANNOUNCEMENT, EmailDelivery.OFF);
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.EMAIL_VERIFIED, false).where(APP_USER.ID.eq(unconfirmed.id())).execute());
        CourseSummary course = course(teacher, "Flute", quiet, unconfirmed);

        announce(teacher, course, "Concert tickets");
        mailer.emailDue(100, Duration.ofSeconds(10));

        assertThat(emailState(quiet)).isEqualTo("SKIPPED");
        assertThat(emailState(unconfirmed)).isEqualTo("SKIPPED");
        assertThat(emailsTo(quiet)).isEmpty();
        assertThat(emailsTo(unconfirmed)).isEmpty();
        assertThat(notifications.unreadCount(quiet)).as("still shown in the app").isEqualTo(1);
        assertThat(notifications.emailPreferences(quiet)).containsEntry(NotificationKind.ANNOUNCEMENT, EmailDelivery.OFF)
                .containsEntry(NotificationKind.GRADE_RETURNED, EmailDelivery.IMMEDIATE);
    }

    @Test
    void aDigestGroupsSeveralNotificationsIntoOneEmail() {
        SignedInUser teacher = teacher();
        SignedInUser student = student();
        notifications.setEmailPreference(student, NotificationKind.ANNOUNCEMENT, EmailDelivery.DIGEST);
        notifications.setEmailPreference(student, NotificationKind.NEW_WORK, EmailDelivery.DIGEST);
        CourseSummary course = course(teacher, "Drums", student);

        announce(teacher, course, "Snare exercises posted");
        asTeacher(teacher, () -> notifications.notifyCourseStudents(teacher.tenantId(), course.id(), NotificationKind.NEW_WORK,
                "Assignment: paradiddles", "/courses/" + course.id()));
        mailer.emailDue(100, Duration.ofSeconds(10));
        assertThat(emailState(student)).isEqualTo("DIGEST");
        assertThat(emailsTo(student)).isEmpty();

        mailer.openDigests();
        mailer.sendDigestsDue(100, Duration.ofSeconds(10));

        assertThat(emailState(student)).isEqualTo("SENT");
        assertThat(emailsTo(student)).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).isEqualTo("Your Classentra digest: 2 notifications");
            assertThat(queuedEmails.text(email)).contains("• Snare exercises posted (Drums)").contains("• Assignment: paradiddles (Drums)")
                    .contains(properties.publicUrl() + "/notifications").contains(properties.publicUrl() + "/settings");
        });
    }

    @Test
    void aNotificationWhoseEmailCannotBeQueuedBacksOffAndIsGivenUpWithoutHoldingUpTheOthers() {
        SignedInUser teacher = teacher();
        SignedInUser broken = student();
        SignedInUser first = student();
        SignedInUser second = student();
        CourseSummary course = course(teacher, "Cello", broken, first, second);
        refusedByTheOutbox(broken);
        announce(teacher, course, "Bow hold video");
        // First in line, where a failing notification once rolled back its whole batch, and came first again, on every run.
        platform.call(sql -> sql.update(NOTIFICATION).set(NOTIFICATION.EMAIL_NEXT_ATTEMPT_AT, OffsetDateTime.now().minusMinutes(1))
                .where(NOTIFICATION.USER_ID.eq(broken.id())).execute());

        mailer.emailDue(1, Duration.ofSeconds(20));

        assertThat(emailState(first)).isEqualTo("SENT");
        assertThat(emailState(second)).isEqualTo("SENT");
        assertThat(emailsTo(first)).hasSize(1);
        assertThat(emailsTo(second)).hasSize(1);
        NotificationRecord failing = notificationOf(broken);
        assertThat(failing.getEmailState()).isEqualTo("PENDING");
        assertThat(failing.getEmailAttempts()).isEqualTo(1);
        assertThat(failing.getEmailLastError()).contains("Not a single email address");
        assertThat(failing.getEmailNextAttemptAt()).as("backs off").isAfter(OffsetDateTime.now().plusSeconds(20));
        mailer.emailDue(10, Duration.ofSeconds(10));
        assertThat(notificationOf(broken).getEmailAttempts()).as("not due again yet").isEqualTo(1);

        double givenUpBefore = handled("notification-email", "dead");
        platform.call(sql -> sql.update(NOTIFICATION).set(NOTIFICATION.EMAIL_ATTEMPTS, 9).set(NOTIFICATION.EMAIL_NEXT_ATTEMPT_AT, OffsetDateTime.now())
                .where(NOTIFICATION.USER_ID.eq(broken.id())).execute());
        mailer.emailDue(10, Duration.ofSeconds(10));

        assertThat(notificationOf(broken).getEmailState()).isEqualTo("DEAD");
        assertThat(notificationOf(broken).getEmailAttempts()).isEqualTo(10);
        assertThat(handled("notification-email", "dead")).isEqualTo(givenUpBefore + 1);
        assertThat(notifications.unreadCount(broken)).as("still shown in the app").isEqualTo(1);
    }

    @Test
    void aDigestThatCannotBeQueuedBacksOffAndIsGivenUpWhileTheOtherDigestsGoOutAndIsOpenedAgainNextMorning() {
        SignedInUser teacher = teacher();
        SignedInUser broken = student();
        SignedInUser fine = student();
        for (SignedInUser student : List.of(broken, fine)) {
            notifications.setEmailPreference(student, NotificationKind.ANNOUNCEMENT, EmailDelivery.DIGEST);
        }
        CourseSummary course = course(teacher, "Harp", broken, fine);
        announce(teacher, course, "Tuning tips");
        mailer.emailDue(100, Duration.ofSeconds(10));
        refusedByTheOutbox(broken);

        mailer.openDigests();
        platform.call(sql -> sql.update(NOTIFICATION_DIGEST).set(NOTIFICATION_DIGEST.NEXT_ATTEMPT_AT, OffsetDateTime.now().minusMinutes(1))
                .where(NOTIFICATION_DIGEST.USER_ID.eq(broken.id())).execute());
        mailer.sendDigestsDue(1, Duration.ofSeconds(20));

        assertThat(emailState(fine)).isEqualTo("SENT");
        assertThat(emailsTo(fine)).singleElement().satisfies(email -> assertThat(email.getTemplate()).isEqualTo("notification-digest"));
        NotificationDigestRecord failing = digestOf(broken);
        assertThat(failing.getStatus()).isEqualTo("PENDING");
        assertThat(failing.getAttempts()).isEqualTo(1);
        assertThat(failing.getLastError()).contains("Not a single email address");
        assertThat(failing.getNextAttemptAt()).as("backs off").isAfter(OffsetDateTime.now().plusSeconds(20));
        assertThat(emailState(broken)).isEqualTo("DIGEST");

        platform.call(sql -> sql.update(NOTIFICATION_DIGEST).set(NOTIFICATION_DIGEST.ATTEMPTS, 9).set(NOTIFICATION_DIGEST.NEXT_ATTEMPT_AT, OffsetDateTime.now())
                .where(NOTIFICATION_DIGEST.USER_ID.eq(broken.id())).execute());
        mailer.sendDigestsDue(10, Duration.ofSeconds(10));
        assertThat(digestOf(broken).getStatus()).isEqualTo("DEAD");
        assertThat(emailState(broken)).as("kept for the next digest").isEqualTo("DIGEST");

        mailer.openDigests();
        assertThat(digestOf(broken)).satisfies(reopened -> {
            assertThat(reopened.getStatus()).isEqualTo("PENDING");
            assertThat(reopened.getAttempts()).isZero();
        });
        platform.call(sql -> sql.deleteFrom(NOTIFICATION_DIGEST).where(NOTIFICATION_DIGEST.USER_ID.eq(broken.id())).execute());
    }

    /** An address the outbox refuses (a list), though the account table takes it: no email to it can be queued. */
    private void refusedByTheOutbox(SignedInUser person) {
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.EMAIL, "list," + UUID.randomUUID() + "@example.com")
                .where(APP_USER.ID.eq(person.id())).execute());
    }

    private NotificationRecord notificationOf(SignedInUser person) {
        return platform.call(sql -> sql.selectFrom(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(person.id())).fetchSingle());
    }

    private NotificationDigestRecord digestOf(SignedInUser person) {
        return platform.call(sql -> sql.selectFrom(NOTIFICATION_DIGEST).where(NOTIFICATION_DIGEST.USER_ID.eq(person.id())).fetchSingle());
    }

    private double handled(String queue, String outcome) {
        return meters.get("classentra.queue.handled").tag("queue", queue).tag("outcome", outcome).counter().count();
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotifications() {
        SignedInUser teacher = teacher();
        SignedInUser owner = student();
        SignedInUser other = student();
        CourseSummary course = course(teacher, "Bass", owner);
        announce(teacher, course, "Tuning guide");
        UUID id = notifications.latest(owner, 1).getFirst().id();

        assertThat(notifications.latest(other, 10)).isEmpty();
        assertThat(notifications.total(other)).isZero();
        notifications.markRead(other, id);
        notifications.markAllRead(other);
        // Even a query that names no person: row-level security alone hides the row.
        assertThat(DbScope.user(other.id()).supply(() -> platformlessCount(id))).isZero();
        assertThat(notifications.unreadCount(owner)).isEqualTo(1);

        notifications.markRead(owner, id);
        assertThat(notifications.unreadCount(owner)).isZero();
        assertThat(notifications.latest(owner, 1).getFirst().unread()).isFalse();
    }

    private int platformlessCount(UUID id) {
        return transactions.execute(status -> db.fetchCount(NOTIFICATION, NOTIFICATION.ID.eq(id)));
    }

    @Test
    void openScreensHearOfANotificationOnlyAfterItsCauseCommitted() throws InterruptedException {
        SignedInUser teacher = teacher();
        SignedInUser student = student();
        CourseSummary course = course(teacher, "Choir", student);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch heard = new CountDownLatch(1);
        NotificationService.Subscription subscription = notifications.subscribe(student.id(), () -> {
            calls.incrementAndGet();
            heard.countDown();
        });
        try {
            DbScope.tenant(teacher.tenantId(), teacher.id()).run(() -> transactions.executeWithoutResult(status -> {
                notifications.notifyCourseStudents(teacher.tenantId(), course.id(), NotificationKind.SESSION, "Rolled back", "/courses");
                status.setRollbackOnly();
            }));
            assertThat(heard.await(1, TimeUnit.SECONDS)).as("a rolled-back cause announces nothing").isFalse();
            assertThat(notifications.unreadCount(student)).isZero();

            announce(teacher, course, "Committed");
            assertThat(heard.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(calls.get()).isEqualTo(1);
        } finally {
            subscription.cancel();
        }
    }
}
