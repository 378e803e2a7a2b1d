package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;
import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.ERROR_REPORT;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE_KEPT;
import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;
import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;
import static com.classentra.db.jooq.Tables.VIDEO_PROVIDER_VERSION;
import static com.classentra.db.jooq.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * Issue 12 item 5: each retention rule, run with a fixed "now", deletes the rows just outside its window and keeps
 * the rows just inside it. A rule added to the registry without a case here fails {@link #everyRetentionRuleHasACase}.
 */
@ClassentraTest
class RetentionRulesTest {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Autowired
    PersonalDataRegistry registry;
    @Autowired
    RetentionPurge purge;
    @Autowired
    PlatformSql platform;
    @Autowired
    Classrooms classrooms;
    @Autowired
    MeterRegistry meters;

    /**
     * A row placed at a moment: {@code boundary} gives the moment that is exactly the rule's limit for a given now,
     * {@code insertAt} writes a row whose deciding time is that moment and returns its key, {@code exists} finds it.
     */
    private record Case(Function<OffsetDateTime, OffsetDateTime> boundary, Function<OffsetDateTime, Object> insertAt,
            Predicate<Object> exists) {
    }

    private static Function<OffsetDateTime, OffsetDateTime> before(TemporalAmount keep) {
        return now -> now.minus(keep);
    }

    private Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("account-token", new Case(before(Duration.ofDays(7)), at -> {
            UUID id = UUID.randomUUID();
            UUID user = classrooms.student().id();
            platform.call(sql -> sql.insertInto(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.ID, id).set(ACCOUNT_TOKEN.USER_ID, user)
                    .set(ACCOUNT_TOKEN.PURPOSE, "SIGN_IN").set(ACCOUNT_TOKEN.EXPIRES_AT, at).execute());
            return id;
        }, id -> platform.count(ACCOUNT_TOKEN, ACCOUNT_TOKEN.ID.eq((UUID) id)) == 1));
        cases.put("session-revocation", new Case(before(Duration.ofDays(30)), at -> {
            UUID user = classrooms.student().id();
            platform.call(sql -> sql.insertInto(SESSION_REVOCATION).set(SESSION_REVOCATION.USER_ID, user)
                    .set(SESSION_REVOCATION.REVOKED_BEFORE, at).execute());
            return user;
        }, user -> platform.count(SESSION_REVOCATION, SESSION_REVOCATION.USER_ID.eq((UUID) user)) == 1));
        cases.put("survey-response", new Case(before(Period.ofYears(5)), at -> {
            UUID user = classrooms.student().id();
            platform.call(sql -> sql.insertInto(SURVEY_RESPONSE).set(SURVEY_RESPONSE.USER_ID, user)
                    .set(SURVEY_RESPONSE.ANSWERS, JSONB.valueOf("{}")).set(SURVEY_RESPONSE.SUBMITTED_AT, at).execute());
            return user;
        }, user -> platform.count(SURVEY_RESPONSE, SURVEY_RESPONSE.USER_ID.eq((UUID) user)) == 1));
        cases.put("audit-event", new Case(before(PersonalDataRegistry.AUDIT_LOG_KEPT), at -> {
            String action = "retention.test." + UUID.randomUUID();
            platform.call(sql -> sql.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.ACTION, action).set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}"))
                    .set(AUDIT_EVENT.OCCURRED_AT, at).execute());
            return action;
        }, action -> platform.count(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq((String) action)) == 1));
        cases.put("course-invitation", new Case(before(Duration.ofDays(30)), at -> {
            SignedInUser teacher = classrooms.teacher();
            CourseSummary course = classrooms.course(teacher, "Retention");
            UUID id = UUID.randomUUID();
            platform.call(sql -> sql.insertInto(COURSE_INVITATION).set(COURSE_INVITATION.ID, id).set(COURSE_INVITATION.TENANT_ID, teacher.tenantId())
                    .set(COURSE_INVITATION.COURSE_ID, course.id()).set(COURSE_INVITATION.EMAIL, "invitee@example.com")
                    .set(COURSE_INVITATION.EXPIRES_AT, OffsetDateTime.now().plusDays(20)).set(COURSE_INVITATION.REVOKED_AT, at).execute());
            return id;
        }, id -> platform.count(COURSE_INVITATION, COURSE_INVITATION.ID.eq((UUID) id)) == 1));
        cases.put("notification", new Case(before(Period.ofYears(1)), at -> {
            UUID id = UUID.randomUUID();
            UUID user = classrooms.student().id();
            platform.call(sql -> sql.insertInto(NOTIFICATION).set(NOTIFICATION.ID, id).set(NOTIFICATION.USER_ID, user)
                    .set(NOTIFICATION.KIND, "NEW_WORK").set(NOTIFICATION.TITLE, "Essay").set(NOTIFICATION.LINK, "/courses")
                    .set(NOTIFICATION.EMAIL_STATE, "SKIPPED").set(NOTIFICATION.CREATED_AT, at).execute());
            return id;
        }, id -> platform.count(NOTIFICATION, NOTIFICATION.ID.eq((UUID) id)) == 1));
        cases.put("email-outbox-sent", new Case(before(Duration.ofDays(30)), at -> outboxRow("SENT", OffsetDateTime.now(), at),
                id -> platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.ID.eq((UUID) id)) == 1));
        cases.put("email-outbox", new Case(before(Duration.ofDays(90)), at -> outboxRow("DEAD", at, null),
                id -> platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.ID.eq((UUID) id)) == 1));
        cases.put("error-report", new Case(before(Duration.ofDays(7)), at -> errorReport("DEAD", at),
                id -> platform.count(ERROR_REPORT, ERROR_REPORT.ID.eq((UUID) id)) == 1));
        cases.put("video-cleanup-given-up", new Case(before(Duration.ofDays(30)), at -> {
            UUID id = UUID.randomUUID();
            long version = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
            platform.call(sql -> {
                sql.insertInto(VIDEO_PROVIDER_VERSION).set(VIDEO_PROVIDER_VERSION.VERSION, version).set(VIDEO_PROVIDER_VERSION.PROVIDER_ID, "daily")
                        .set(VIDEO_PROVIDER_VERSION.PLUGIN_ID, "video-daily").set(VIDEO_PROVIDER_VERSION.CONFIG, org.jooq.JSONB.valueOf("{}")).execute();
                return sql.insertInto(VIDEO_CLEANUP).set(VIDEO_CLEANUP.ID, id).set(VIDEO_CLEANUP.ACTION, "REMOVE_PARTICIPANT")
                        .set(VIDEO_CLEANUP.PROVIDER_VERSION, version).set(VIDEO_CLEANUP.ROOM_NAME, "cls-retention")
                        .set(VIDEO_CLEANUP.PARTICIPANT_IDENTITY, UUID.randomUUID().toString()).set(VIDEO_CLEANUP.STATUS, "DEAD")
                        .set(VIDEO_CLEANUP.CREATED_AT, at).execute();
            });
            return id;
        }, id -> platform.count(VIDEO_CLEANUP, VIDEO_CLEANUP.ID.eq((UUID) id)) == 1));
        cases.put("webhook-inbox", new Case(before(Duration.ofDays(30)), at -> {
            UUID id = UUID.randomUUID();
            platform.call(sql -> sql.insertInto(WEBHOOK_INBOX).set(WEBHOOK_INBOX.ID, id).set(WEBHOOK_INBOX.SLOT, "video")
                    .set(WEBHOOK_INBOX.PROVIDER_ID, "livekit").set(WEBHOOK_INBOX.EVENT_ID, "EV_" + id).set(WEBHOOK_INBOX.EVENT_TYPE, "OTHER")
                    .set(WEBHOOK_INBOX.BODY, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).set(WEBHOOK_INBOX.EVENT, org.jooq.JSONB.valueOf("{}"))
                    .set(WEBHOOK_INBOX.STATUS, "SENT").set(WEBHOOK_INBOX.RECEIVED_AT, at).execute());
            return id;
        }, id -> platform.count(WEBHOOK_INBOX, WEBHOOK_INBOX.ID.eq((UUID) id)) == 1));
        cases.put("data-export", new Case(before(Duration.ofDays(30)), at -> {
            UUID id = UUID.randomUUID();
            UUID user = classrooms.student().id();
            platform.call(sql -> sql.insertInto(DATA_EXPORT).set(DATA_EXPORT.ID, id).set(DATA_EXPORT.USER_ID, user).set(DATA_EXPORT.STATUS, "SENT")
                    .set(DATA_EXPORT.STORAGE_KEY, "exports/" + id).set(DATA_EXPORT.EXPIRES_AT, at).set(DATA_EXPORT.OBJECT_DELETED_AT, at).execute());
            return id;
        }, id -> platform.count(DATA_EXPORT, DATA_EXPORT.ID.eq((UUID) id)) == 1));
        cases.put("policy-acceptance-kept", new Case(before(Period.ofMonths(24)), at -> {
            UUID pseudonym = UUID.randomUUID();
            platform.call(sql -> sql.insertInto(POLICY_ACCEPTANCE_KEPT, POLICY_ACCEPTANCE_KEPT.PSEUDONYM, POLICY_ACCEPTANCE_KEPT.KIND,
                            POLICY_ACCEPTANCE_KEPT.VERSION, POLICY_ACCEPTANCE_KEPT.ACCEPTED_AT, POLICY_ACCEPTANCE_KEPT.ACCOUNT_DELETED_AT)
                    .select(DSL.select(DSL.val(pseudonym), POLICY_DOCUMENT.KIND, POLICY_DOCUMENT.VERSION, DSL.currentOffsetDateTime(), DSL.val(at))
                            .from(POLICY_DOCUMENT).limit(1))
                    .execute());
            return pseudonym;
        }, pseudonym -> platform.count(POLICY_ACCEPTANCE_KEPT, POLICY_ACCEPTANCE_KEPT.PSEUDONYM.eq((UUID) pseudonym)) == 1));
        cases.put("account-deletion", new Case(before(Period.ofMonths(24)), at -> {
            UUID id = UUID.randomUUID();
            platform.call(sql -> sql.insertInto(ACCOUNT_DELETION).set(ACCOUNT_DELETION.ID, id).set(ACCOUNT_DELETION.STATUS, "DONE")
                    .set(ACCOUNT_DELETION.RUNS_AFTER, at).set(ACCOUNT_DELETION.COMPLETED_AT, at).execute());
            return id;
        }, id -> platform.count(ACCOUNT_DELETION, ACCOUNT_DELETION.ID.eq((UUID) id)) == 1));
        cases.put("direct-channel-departed", new Case(now -> now, at -> {
            SignedInUser teacher = classrooms.teacher();
            CourseSummary course = classrooms.course(teacher, "Retention");
            SignedInUser one = classrooms.student();
            SignedInUser other = classrooms.student();
            classrooms.enrol(one, course);
            classrooms.enrol(other, course);
            UUID id = UUID.randomUUID();
            String pair = one.id().toString().compareTo(other.id().toString()) < 0 ? one.id() + ":" + other.id() : other.id() + ":" + one.id();
            platform.call(sql -> sql.insertInto(CHANNEL).set(CHANNEL.ID, id).set(CHANNEL.TENANT_ID, teacher.tenantId()).set(CHANNEL.COURSE_ID, course.id())
                    .set(CHANNEL.KIND, "DIRECT").set(CHANNEL.AUDIENCE, "MEMBERS").set(CHANNEL.DIRECT_PAIR, pair)
                    .set(CHANNEL.MEMBERS, new UUID[] {one.id(), other.id()}).set(CHANNEL.CREATED_AT, at.minusDays(1)).execute());
            // Both leave the course, the last of them at that moment.
            platform.call(sql -> sql.update(ENROLMENT).set(ENROLMENT.STATUS, "LEFT").set(ENROLMENT.UPDATED_AT, at)
                    .where(ENROLMENT.COURSE_ID.eq(course.id())).execute());
            return id;
        }, id -> platform.count(CHANNEL, CHANNEL.ID.eq((UUID) id)) == 1));
        cases.put("rate-limit", new Case(now -> now, at -> {
            String id = "retention-test-" + UUID.randomUUID();
            platform.call(sql -> sql.execute("insert into rate_limit_bucket (id, state, expires_at) values (?, ?, ?)", id, new byte[] {1},
                    at.toInstant().toEpochMilli()));
            return id;
        }, id -> platform.call(sql -> sql.fetchExists(DSL.selectOne().from(PersonalDataRegistry.RATE_LIMIT_BUCKET)
                .where(DSL.field(DSL.name("id")).eq(id))))));
        return cases;
    }

    private UUID outboxRow(String status, OffsetDateTime createdAt, OffsetDateTime sentAt) {
        UUID id = UUID.randomUUID();
        platform.call(sql -> sql.insertInto(EMAIL_OUTBOX).set(EMAIL_OUTBOX.ID, id).set(EMAIL_OUTBOX.TO_ADDRESS, "someone@example.com")
                .set(EMAIL_OUTBOX.TEMPLATE, "test").set(EMAIL_OUTBOX.SUBJECT, "Hello").set(EMAIL_OUTBOX.TEXT_BODY, "Hi")
                .set(EMAIL_OUTBOX.STATUS, status).set(EMAIL_OUTBOX.CREATED_AT, createdAt).set(EMAIL_OUTBOX.SENT_AT, sentAt).execute());
        return id;
    }

    private UUID errorReport(String status, OffsetDateTime createdAt) {
        UUID id = UUID.randomUUID();
        platform.call(sql -> sql.insertInto(ERROR_REPORT).set(ERROR_REPORT.ID, id).set(ERROR_REPORT.FINGERPRINT, id.toString())
                .set(ERROR_REPORT.EXCEPTION_TYPE, "java.lang.IllegalStateException").set(ERROR_REPORT.STATUS, status)
                .set(ERROR_REPORT.CREATED_AT, createdAt).execute());
        return id;
    }

    @Test
    void everyRetentionRuleHasACase() {
        assertThat(cases().keySet()).containsExactlyInAnyOrderElementsOf(registry.retentionRules().stream().map(RetentionRule::name).toList());
    }

    @Test
    void eachRuleDeletesTheRowsJustOutsideItsWindowAndKeepsThoseJustInside() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        cases().forEach((name, rule) -> {
            OffsetDateTime limit = rule.boundary().apply(now);
            Object outside = rule.insertAt().apply(limit.minus(A_MINUTE));
            Object inside = rule.insertAt().apply(limit.plus(A_MINUTE));
            double countedBefore = purgedCount(name);

            int deleted = purge.purge(registry.retentionRule(name), now);

            assertThat(rule.exists().test(outside)).as(name + ": the row just outside the window goes").isFalse();
            assertThat(rule.exists().test(inside)).as(name + ": the row just inside the window stays").isTrue();
            assertThat(deleted).as(name).isGreaterThanOrEqualTo(1);
            assertThat(purgedCount(name) - countedBefore).as(name + ": counted in classentra_retention_purged_total").isEqualTo(deleted);
        });
    }

    private double purgedCount(String rule) {
        return meters.get("classentra.retention.purged").tag("rule", rule).counter().count();
    }

    @Test
    void onlyTheRowsARuleIsAboutExpire() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID queuedLongAgo = outboxRow("DEAD", now.minusDays(40), null);
        UUID sending = errorReport("SENDING", now.minusDays(30));
        purge.purge(registry.retentionRule("email-outbox-sent"), now);
        purge.purge(registry.retentionRule("error-report"), now);
        assertThat(platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.ID.eq(queuedLongAgo))).as("not sent: the 90-day rule decides").isEqualTo(1);
        assertThat(platform.count(ERROR_REPORT, ERROR_REPORT.ID.eq(sending))).as("being sent right now").isEqualTo(1);
    }

    @Test
    void anExportWhoseArchiveIsStillInStorageIsNeverDeleted() {
        UUID id = UUID.randomUUID();
        UUID user = classrooms.student().id();
        OffsetDateTime longAgo = OffsetDateTime.now().minusDays(90);
        platform.call(sql -> sql.insertInto(DATA_EXPORT).set(DATA_EXPORT.ID, id).set(DATA_EXPORT.USER_ID, user).set(DATA_EXPORT.STATUS, "SENT")
                .set(DATA_EXPORT.STORAGE_KEY, "exports/" + id).set(DATA_EXPORT.EXPIRES_AT, longAgo).set(DATA_EXPORT.UPDATED_AT, longAgo).execute());
        purge.purge(registry.retentionRule("data-export"), OffsetDateTime.now());
        assertThat(platform.count(DATA_EXPORT, DATA_EXPORT.ID.eq(id))).as("its archive must be deleted first").isEqualTo(1);
    }

    @Test
    void manyExpiredRowsGoInSeveralBatches() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int rows = RetentionPurge.FIRST_BATCH * 3 + 7;
        String prefix = "retention-batch-" + UUID.randomUUID();
        platform.call(sql -> sql.execute("insert into rate_limit_bucket (id, state, expires_at) select ? || n, '\\x01'::bytea, ? "
                + "from generate_series(1, ?) n", prefix, now.toInstant().toEpochMilli() - 1000, rows));

        assertThat(purge.purge(registry.retentionRule("rate-limit"), now)).isGreaterThanOrEqualTo(rows);
        int left = platform.call(sql -> sql.fetchCount(DSL.selectOne().from(PersonalDataRegistry.RATE_LIMIT_BUCKET)
                .where(DSL.field(DSL.name("id"), String.class).startsWith(prefix))));
        assertThat(left).isZero();
    }

    @Test
    void theApplicationCannotShortenTheAuditLog() {
        assertThatThrownBy(() -> platform.call(sql -> sql.select(DSL.function("purge_audit_events", Integer.class,
                DSL.val(OffsetDateTime.now().minusDays(30)), DSL.val(10))).fetchSingle()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("kept for 2 years");
    }
}
