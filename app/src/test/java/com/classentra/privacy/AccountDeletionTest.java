package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;
import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION_STEP;
import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_FEED;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.FILE_PURGE;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.NOTIFICATION_DIGEST;
import static com.classentra.db.jooq.Tables.NOTIFICATION_PREFERENCE;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE_KEPT;
import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.privacy.ErasureStep;
import com.classentra.platform.privacy.PersonalDataRegistry;
import com.classentra.platform.privacy.PersonalDataRule;
import com.classentra.platform.privacy.PersonalDataRule.Subject;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import com.classentra.platform.security.SignedInUser;
import com.classentra.privacy.AccountDeletions.Refusal;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.ErasureCrash;
import com.classentra.testsupport.PlatformSql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12 item 3: "Delete Account", its cool-off, and the pipeline that erases everything the registry names. */
@ClassentraTest
class AccountDeletionTest {

    @Autowired
    AccountDeletions deletions;
    @Autowired
    AccountDeletionPipeline pipeline;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    PersonalDataRegistry registry;
    @Autowired
    CourseService courses;
    @Autowired
    ErasureCrash crash;

    private int emails(String address, String template) {
        return platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.TO_ADDRESS.eq(address).and(EMAIL_OUTBOX.TEMPLATE.eq(template)));
    }

    @Test
    void aRequestNeedsThePasswordAndDeleteTypedOutAndCanBeTakenBackDuringTheCoolOff() {
        SignedInUser student = classrooms.student("Luca", "Moretti");
        Instant now = Instant.now();
        assertThat(deletions.request(student, Classrooms.PASSWORD, "delete", now).refusal()).isEqualTo(Refusal.NOT_CONFIRMED);
        assertThat(deletions.request(student, "not my password", "DELETE", now).refusal()).isEqualTo(Refusal.WRONG_PASSWORD);
        assertThat(deletions.scheduled(student)).isEmpty();

        var request = deletions.request(student, Classrooms.PASSWORD, " DELETE ", now);
        assertThat(request.refusal()).isNull();
        assertThat(request.runsAfter()).isBetween(now.plus(AccountDeletions.COOL_OFF).minusSeconds(60), now.plus(AccountDeletions.COOL_OFF).plusSeconds(60));
        assertThat(deletions.scheduled(student)).contains(request.runsAfter());
        assertThat(deletions.request(student, Classrooms.PASSWORD, "DELETE", now).runsAfter()).as("asking twice changes nothing").isEqualTo(request.runsAfter());
        assertThat(emails(student.email(), "account-deletion-requested")).isEqualTo(1);
        assertThat(platform.value(SESSION_REVOCATION.REVOKED_BEFORE, SESSION_REVOCATION.USER_ID.eq(student.id())))
                .as("every session signed out").isAfter(OffsetDateTime.now().minusMinutes(1));

        assertThat(deletions.cancel(student)).isTrue();
        assertThat(deletions.cancel(student)).isFalse();
        assertThat(deletions.scheduled(student)).isEmpty();
        assertThat(emails(student.email(), "account-deletion-cancelled")).isEqualTo(1);
        assertThat(pipeline.runDue(OffsetDateTime.now().plusDays(8))).as("a cancelled request is never run").isZero();
        assertThat(platform.value(ACCOUNT_DELETION.STATUS, ACCOUNT_DELETION.USER_ID.eq(student.id()))).isEqualTo("CANCELLED");
    }

    @Test
    void anAccountWithoutAPasswordMustHaveSignedInJustNow() {
        SignedInUser student = classrooms.student("Gia", "Google");
        platform.call(sql -> sql.update(com.classentra.db.jooq.Tables.APP_USER).set(com.classentra.db.jooq.Tables.APP_USER.PASSWORD_HASH, (String) null)
                .where(com.classentra.db.jooq.Tables.APP_USER.ID.eq(student.id())).execute());
        assertThat(deletions.request(student, null, "DELETE", Instant.now().minusSeconds(3600)).refusal()).isEqualTo(Refusal.SIGN_IN_AGAIN);
        assertThat(deletions.request(student, null, "DELETE", Instant.now().minusSeconds(60)).refusal()).isNull();
    }

    /** A student with a row in every kind of table, enrolled with two teachers, one of whom also deletes their account. */
    private record World(SignedInUser student, SignedInUser teacher, SignedInUser otherTeacher, CourseSummary course, CourseSummary otherCourse,
            SignedInUser classmate) {
    }

    private World world() {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        SignedInUser otherTeacher = classrooms.teacher("Otto", "Stein");
        CourseSummary course = classrooms.course(teacher, "Counterpoint");
        CourseSummary otherCourse = classrooms.course(otherTeacher, "Harmony");
        SignedInUser student = classrooms.student("Zephyrine", "Quillfeather");
        SignedInUser classmate = classrooms.student("Mara", "Bianchi");
        for (CourseSummary each : List.of(course, otherCourse)) {
            classrooms.enrol(student, each);
        }
        classrooms.enrol(classmate, course);
        UUID assignment = classrooms.assignment(otherTeacher, otherCourse, "Chorale", OffsetDateTime.now().plusDays(2));
        UUID session = classrooms.session(otherTeacher, otherCourse, "Lesson", OffsetDateTime.now().minusDays(1), 60, null);
        UUID submission = UUID.randomUUID();
        UUID tenant = otherTeacher.tenantId();
        platform.call(sql -> {
            sql.insertInto(SUBMISSION).set(SUBMISSION.ID, submission).set(SUBMISSION.TENANT_ID, tenant).set(SUBMISSION.COURSE_ID, otherCourse.id())
                    .set(SUBMISSION.ASSIGNMENT_ID, assignment).set(SUBMISSION.STUDENT_ID, student.id()).set(SUBMISSION.CURRENT_VERSION, 1)
                    .set(SUBMISSION.SUBMITTED_AT, OffsetDateTime.now()).set(SUBMISSION.LATE, false).execute();
            sql.insertInto(SUBMISSION_VERSION).set(SUBMISSION_VERSION.SUBMISSION_ID, submission).set(SUBMISSION_VERSION.VERSION, 1)
                    .set(SUBMISSION_VERSION.TENANT_ID, tenant).set(SUBMISSION_VERSION.STUDENT_ID, student.id())
                    .set(SUBMISSION_VERSION.TEXT_HTML, "<p>Zephyrine's chorale</p>").set(SUBMISSION_VERSION.SUBMITTED_AT, OffsetDateTime.now())
                    .set(SUBMISSION_VERSION.LATE, false).execute();
            sql.insertInto(STORED_FILE).set(STORED_FILE.ID, UUID.randomUUID()).set(STORED_FILE.TENANT_ID, tenant).set(STORED_FILE.COURSE_ID, otherCourse.id())
                    .set(STORED_FILE.SUBMISSION_ID, submission).set(STORED_FILE.SUBMISSION_VERSION, 1).set(STORED_FILE.UPLOADED_BY, student.id())
                    .set(STORED_FILE.STORAGE_KEY, "deletion-test/" + student.id()).set(STORED_FILE.FILENAME, "chorale.pdf")
                    .set(STORED_FILE.CONTENT_TYPE, "application/pdf").set(STORED_FILE.SIZE_BYTES, 1L).set(STORED_FILE.SHA256, "00").execute();
            sql.insertInto(GRADE).set(GRADE.TENANT_ID, tenant).set(GRADE.COURSE_ID, otherCourse.id()).set(GRADE.ASSIGNMENT_ID, assignment)
                    .set(GRADE.STUDENT_ID, student.id()).set(GRADE.POINTS, BigDecimal.TEN).set(GRADE.FEEDBACK_HTML, "<p>Well done, Zephyrine</p>")
                    .set(GRADE.GRADED_BY, otherTeacher.id()).execute();
            sql.insertInto(ATTENDANCE).set(ATTENDANCE.TENANT_ID, tenant).set(ATTENDANCE.COURSE_ID, otherCourse.id()).set(ATTENDANCE.SESSION_ID, session)
                    .set(ATTENDANCE.STUDENT_ID, student.id()).set(ATTENDANCE.STATUS, "PRESENT").execute();
            sql.insertInto(CALENDAR_EVENT).set(CALENDAR_EVENT.ID, UUID.randomUUID()).set(CALENDAR_EVENT.USER_ID, student.id())
                    .set(CALENDAR_EVENT.TITLE, "Practise").set(CALENDAR_EVENT.STARTS_AT, OffsetDateTime.now())
                    .set(CALENDAR_EVENT.ENDS_AT, OffsetDateTime.now().plusHours(1)).execute();
            sql.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.USER_ID, student.id()).set(CALENDAR_FEED.TOKEN_HASH, UUID.randomUUID().toString()).execute();
            sql.insertInto(NOTIFICATION).set(NOTIFICATION.ID, UUID.randomUUID()).set(NOTIFICATION.USER_ID, student.id()).set(NOTIFICATION.KIND, "NEW_WORK")
                    .set(NOTIFICATION.TITLE, "New work").set(NOTIFICATION.LINK, "/courses").set(NOTIFICATION.EMAIL_STATE, "SKIPPED").execute();
            sql.insertInto(NOTIFICATION_PREFERENCE).set(NOTIFICATION_PREFERENCE.USER_ID, student.id()).set(NOTIFICATION_PREFERENCE.KIND, "NEW_WORK")
                    .set(NOTIFICATION_PREFERENCE.DELIVERY, "DIGEST").execute();
            sql.insertInto(NOTIFICATION_DIGEST).set(NOTIFICATION_DIGEST.USER_ID, student.id()).set(NOTIFICATION_DIGEST.STATUS, "DEAD").execute();
            sql.insertInto(SURVEY_RESPONSE).set(SURVEY_RESPONSE.USER_ID, student.id()).set(SURVEY_RESPONSE.ANSWERS, JSONB.valueOf("{\"goal\": [\"Zephyrine\"]}"))
                    .execute();
            sql.insertInto(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.ID, UUID.randomUUID()).set(ACCOUNT_TOKEN.USER_ID, student.id()).set(ACCOUNT_TOKEN.PURPOSE, "SIGN_IN")
                    .set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().plusMinutes(5)).execute();
            sql.insertInto(COURSE_INVITATION).set(COURSE_INVITATION.ID, UUID.randomUUID()).set(COURSE_INVITATION.TENANT_ID, tenant)
                    .set(COURSE_INVITATION.COURSE_ID, otherCourse.id()).set(COURSE_INVITATION.EMAIL, student.email().toUpperCase())
                    .set(COURSE_INVITATION.EXPIRES_AT, OffsetDateTime.now().plusDays(3)).set(COURSE_INVITATION.ACCEPTED_BY, student.id()).execute();
            sql.insertInto(DATA_EXPORT).set(DATA_EXPORT.USER_ID, student.id()).set(DATA_EXPORT.STATUS, "SENT")
                    .set(DATA_EXPORT.STORAGE_KEY, "exports/" + student.id() + "/archive.zip").set(DATA_EXPORT.EXPIRES_AT, OffsetDateTime.now().plusDays(3)).execute();
            sql.insertInto(EMAIL_OUTBOX).set(EMAIL_OUTBOX.TO_ADDRESS, student.email()).set(EMAIL_OUTBOX.RECIPIENT_USER_ID, student.id())
                    .set(EMAIL_OUTBOX.TEMPLATE, "test").set(EMAIL_OUTBOX.SUBJECT, "For Zephyrine").set(EMAIL_OUTBOX.TEXT_BODY, "Hi").set(EMAIL_OUTBOX.STATUS, "DEAD")
                    .execute();
            return sql.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR_USER_ID, student.id()).set(AUDIT_EVENT.ACTION, "test.erasure-keeps-this")
                    .set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}")).execute();
        });
        return new World(student, teacher, otherTeacher, course, otherCourse, classmate);
    }

    private void requestAndWaitOut(SignedInUser person) {
        assertThat(deletions.request(person, Classrooms.PASSWORD, "DELETE", Instant.now()).refusal()).isNull();
        platform.call(sql -> sql.update(ACCOUNT_DELETION).set(ACCOUNT_DELETION.RUNS_AFTER, OffsetDateTime.now().minusMinutes(1))
                .where(ACCOUNT_DELETION.USER_ID.eq(person.id())).execute());
    }

    /** Every table with a text form of a row that names the person by name or address, for the check that none is left. */
    private List<String> tablesNaming(String... words) {
        List<String> naming = new ArrayList<>();
        for (String table : platform.call(sql -> sql.fetch("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' and table_name not like 'databasechangelog%'").getValues(0, String.class))) {
            for (String word : words) {
                long rows = platform.call(sql -> ((Number) sql.fetchValue("select count(*) from \"" + table + "\" r where r::text ilike ?", "%" + word + "%"))
                        .longValue());
                if (rows > 0) {
                    naming.add(table + " (" + word + ")");
                }
            }
        }
        return naming;
    }

    @Test
    void afterTheCoolOffEverythingOfThePersonGoesAndOnlyWhatTheLawKeepsStaysWithoutTheirName() {
        World world = world();
        UUID student = world.student().id();
        String email = world.student().email();
        requestAndWaitOut(world.student());
        UUID deletion = platform.value(ACCOUNT_DELETION.ID, ACCOUNT_DELETION.USER_ID.eq(student));
        UUID pseudonym = platform.value(ACCOUNT_DELETION.PSEUDONYM, ACCOUNT_DELETION.ID.eq(deletion));

        assertThat(pipeline.runDue(OffsetDateTime.now())).isEqualTo(1);

        for (PersonalDataRule rule : registry.rules()) {
            for (Subject subject : rule.subjects()) {
                if (subject.kind() == SubjectKind.WORKSPACE) {
                    continue;
                }
                boolean byAddress = subject.kind() == SubjectKind.ADDRESS;
                int left = platform.call(sql -> sql.fetchCount(DSL.selectOne().from(rule.table())
                        .where(!byAddress ? DSL.field(subject.column().getQualifiedName()).eq(student)
                                : DSL.lower(DSL.field(subject.column().getQualifiedName(), String.class)).eq(email.toLowerCase()))
                        .and(rule.table().getName().equals("email_outbox") ? EMAIL_OUTBOX.TEMPLATE.ne("account-deletion-completed") : DSL.noCondition())));
                assertThat(left).as(rule.table().getName() + "." + subject.column().getName() + " still names the person").isZero();
            }
            for (var mention : rule.mentions()) {
                int left = platform.call(sql -> sql.fetchCount(DSL.selectOne().from(rule.table()).where(DSL.field(mention.getQualifiedName()).eq(student))));
                assertThat(left).as(rule.table().getName() + "." + mention.getName() + " still mentions the person").isZero();
            }
        }
        assertThat(tablesNaming("Zephyrine", "Quillfeather", email.substring(0, email.indexOf('@'))))
                .as("only the last email to the address (sent once, then purged with the outbox's sent mail) names the person")
                .containsExactlyInAnyOrder("email_outbox (" + email.substring(0, email.indexOf('@')) + ")");
        assertThat(emails(email, "account-deletion-completed")).isEqualTo(1);
        assertThat(platform.count(POLICY_ACCEPTANCE_KEPT, POLICY_ACCEPTANCE_KEPT.PSEUDONYM.eq(pseudonym))).as("kept by law, pseudonymised").isPositive();
        assertThat(platform.count(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("test.erasure-keeps-this").and(AUDIT_EVENT.ACTOR_USER_ID.isNull())))
                .as("the audit log keeps what was done, not who").isEqualTo(1);
        assertThat(platform.count(FILE_PURGE, FILE_PURGE.STORAGE_KEY.in("deletion-test/" + student, "exports/" + student + "/archive.zip")))
                .as("the turned-in file and the export archive are queued for deletion from storage").isEqualTo(2);
        assertThat(platform.value(ACCOUNT_DELETION.STATUS, ACCOUNT_DELETION.ID.eq(deletion))).isEqualTo("DONE");
        assertThat(platform.value(ACCOUNT_DELETION.USER_ID, ACCOUNT_DELETION.ID.eq(deletion))).isNull();
        assertThat(courses.students(world.otherTeacher(), world.otherCourse().id())).as("the teacher's list no longer has them").isEmpty();
        assertThat(courses.students(world.teacher(), world.course().id())).extracting(CourseService.CourseStudent::id)
                .containsExactly(world.classmate().id());
        List<String> logged = platform.call(sql -> sql.select(ACCOUNT_DELETION_STEP.STEP).from(ACCOUNT_DELETION_STEP)
                .where(ACCOUNT_DELETION_STEP.DELETION_ID.eq(deletion)).fetch(ACCOUNT_DELETION_STEP.STEP));
        assertThat(logged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(pipeline.steps().stream().map(ErasureStep::name).toList());
    }

    @Test
    void aDeletionThatStopsHalfWayResumesWhereItStoppedAndDoesEachStepOnce() {
        World world = world();
        requestAndWaitOut(world.teacher());
        UUID deletion = platform.value(ACCOUNT_DELETION.ID, ACCOUNT_DELETION.USER_ID.eq(world.teacher().id()));
        crash.armOnce();

        assertThatThrownBy(() -> pipeline.runDue(OffsetDateTime.now())).hasMessageContaining(deletion.toString());
        assertThat(platform.value(ACCOUNT_DELETION.STATUS, ACCOUNT_DELETION.ID.eq(deletion))).isEqualTo("RUNNING");
        assertThat(platform.value(ACCOUNT_DELETION.LAST_ERROR, ACCOUNT_DELETION.ID.eq(deletion))).contains("the node died here");
        assertThat(platform.count(COURSE, COURSE.ID.eq(world.course().id()))).as("stopped before the workspace went").isEqualTo(1);
        assertThat(emails(world.student().email(), "course-closing")).as("the students were told before the stop").isEqualTo(1);

        assertThat(pipeline.runDue(OffsetDateTime.now())).isEqualTo(1);

        assertThat(emails(world.student().email(), "course-closing")).as("and not told again").isEqualTo(1);
        assertThat(emails(world.classmate().email(), "course-closing")).isEqualTo(1);
        assertThat(platform.count(COURSE, COURSE.ID.eq(world.course().id()))).as("the personal workspace's course is gone").isZero();
        assertThat(platform.count(COURSE, COURSE.ID.eq(world.otherCourse().id()))).as("another teacher's course stays").isEqualTo(1);
        assertThat(platform.value(ACCOUNT_DELETION.STATUS, ACCOUNT_DELETION.ID.eq(deletion))).isEqualTo("DONE");
        List<String> logged = platform.call(sql -> sql.select(ACCOUNT_DELETION_STEP.STEP).from(ACCOUNT_DELETION_STEP)
                .where(ACCOUNT_DELETION_STEP.DELETION_ID.eq(deletion)).fetch(ACCOUNT_DELETION_STEP.STEP));
        assertThat(logged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(pipeline.steps().stream().map(ErasureStep::name).toList());
    }
}
