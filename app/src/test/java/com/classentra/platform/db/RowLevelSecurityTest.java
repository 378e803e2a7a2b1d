package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.GRADE_HISTORY;
import static com.classentra.db.jooq.Tables.LIVE_PARTICIPATION;
import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.PLUGIN_SLOT_STATE;
import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.CHANNEL_MEMBER;
import static com.classentra.db.jooq.Tables.CHANNEL_MUTE;
import static com.classentra.db.jooq.Tables.MESSAGE;
import static com.classentra.db.jooq.Tables.MESSAGE_REACTION;
import static com.classentra.db.jooq.Tables.MESSAGE_REPORT;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_CHANGE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_NOTICE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_OBJECTION;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static com.classentra.db.jooq.Tables.VIDEO_PROVIDER_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PersonalDataTables;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenant isolation is enforced by PostgreSQL itself, whatever SQL the application sends. */
@ClassentraTest
class RowLevelSecurityTest {

    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PlatformScope platformScope;

    private UUID tenantA;
    private UUID tenantB;
    private UUID userA;
    private UUID userB;
    /** The video settings version the seeded rooms were made with (the platform keeps those). */
    private long videoVersion;
    /** Each tenant's seeded room, course and owner: the provider reports its participation, in the platform scope. */
    private final List<UUID[]> liveRooms = new java.util.ArrayList<>();

    @BeforeEach
    void twoTenantsWithRowsInEveryTable() {
        userA = newUser("a-" + UUID.randomUUID() + "@example.com");
        userB = newUser("b-" + UUID.randomUUID() + "@example.com");
        tenantA = UUID.randomUUID();
        tenantB = UUID.randomUUID();
        videoVersion = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        platformScope.inTransaction(null, "test", () -> db.insertInto(VIDEO_PROVIDER_VERSION).set(VIDEO_PROVIDER_VERSION.VERSION, videoVersion)
                .set(VIDEO_PROVIDER_VERSION.PROVIDER_ID, "livekit").set(VIDEO_PROVIDER_VERSION.PLUGIN_ID, "video-livekit")
                .set(VIDEO_PROVIDER_VERSION.CONFIG, JSONB.valueOf("{}")).execute());
        seedTenant(tenantA, userA, "Studio A");
        seedTenant(tenantB, userB, "Studio B");
        for (UUID[] room : liveRooms) {
            platformScope.inTransaction(null, "test", () -> db.insertInto(LIVE_PARTICIPATION).set(LIVE_PARTICIPATION.TENANT_ID, room[0])
                    .set(LIVE_PARTICIPATION.COURSE_ID, room[1]).set(LIVE_PARTICIPATION.ROOM_ID, room[2]).set(LIVE_PARTICIPATION.USER_ID, room[3])
                    .set(LIVE_PARTICIPATION.PROVIDER_SESSION, "PA_" + room[2]).set(LIVE_PARTICIPATION.JOINED_AT, OffsetDateTime.now()).execute());
        }
        UUID change = platformScope.inTransaction(null, "test", () -> db.insertInto(SUBPROCESSOR_CHANGE).set(SUBPROCESSOR_CHANGE.SLOT, "video")
                .set(SUBPROCESSOR_CHANGE.PROVIDER_ID, "test").set(SUBPROCESSOR_CHANGE.PLUGIN_ID, "test").set(SUBPROCESSOR_CHANGE.SETTINGS, JSONB.valueOf("{}"))
                .set(SUBPROCESSOR_CHANGE.PROCESSOR_AFTER, "Example Video Inc.").set(SUBPROCESSOR_CHANGE.PURPOSE_AFTER, "Video")
                .set(SUBPROCESSOR_CHANGE.LOCATION_AFTER, "Nowhere").set(SUBPROCESSOR_CHANGE.DATA_AFTER, "Media").set(SUBPROCESSOR_CHANGE.DPF_AFTER, "n/a")
                .set(SUBPROCESSOR_CHANGE.EFFECTIVE_ON, java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30))
                .set(SUBPROCESSOR_CHANGE.STATUS, "CANCELLED").set(SUBPROCESSOR_CHANGE.DECIDED_AT, OffsetDateTime.now())
                .returning(SUBPROCESSOR_CHANGE.ID).fetchSingle(SUBPROCESSOR_CHANGE.ID));
        for (UUID tenant : List.of(tenantA, tenantB)) {
            // Notices are sent by the platform only; the workspace objects in its own scope.
            platformScope.inTransaction(null, "test", () -> db.insertInto(SUBPROCESSOR_NOTICE).set(SUBPROCESSOR_NOTICE.CHANGE_ID, change)
                    .set(SUBPROCESSOR_NOTICE.TENANT_ID, tenant).set(SUBPROCESSOR_NOTICE.SENT_TO, "privacy@example.org").execute());
            DbScope.tenant(tenant, null).run(() -> transactions.executeWithoutResult(status -> db.insertInto(SUBPROCESSOR_OBJECTION)
                    .set(SUBPROCESSOR_OBJECTION.CHANGE_ID, change).set(SUBPROCESSOR_OBJECTION.TENANT_ID, tenant)
                    .set(SUBPROCESSOR_OBJECTION.REASON, "We object.").execute()));
        }
    }

    /** Each tenant's rows are written inside that tenant's own scope, which the WITH CHECK policies allow. */
    private void seedTenant(UUID tenant, UUID owner, String name) {
        DbScope.tenant(tenant, owner).run(() -> transactions.executeWithoutResult(status -> {
            db.insertInto(TENANT).set(TENANT.ID, tenant).set(TENANT.KIND, "PERSONAL").set(TENANT.NAME, name).execute();
            db.insertInto(TENANT_MEMBER).set(TENANT_MEMBER.TENANT_ID, tenant).set(TENANT_MEMBER.USER_ID, owner)
                    .set(TENANT_MEMBER.ROLE, "OWNER").execute();
            db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.TENANT_ID, tenant).set(AUDIT_EVENT.ACTOR_USER_ID, owner)
                    .set(AUDIT_EVENT.ACTION, "test.seeded").set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}")).execute();
            db.insertInto(EMAIL_OUTBOX).set(EMAIL_OUTBOX.TENANT_ID, tenant).set(EMAIL_OUTBOX.TO_ADDRESS, "student@example.com")
                    .set(EMAIL_OUTBOX.TEMPLATE, "test").set(EMAIL_OUTBOX.SUBJECT, "Hello").set(EMAIL_OUTBOX.TEXT_BODY, "Hi").execute();
            UUID course = UUID.randomUUID();
            db.insertInto(COURSE).set(COURSE.ID, course).set(COURSE.TENANT_ID, tenant).set(COURSE.TITLE, name + " course")
                    .set(COURSE.JOIN_CODE, course.toString().replace("-", "").substring(0, 8).toUpperCase()).execute();
            db.insertInto(ENROLMENT).set(ENROLMENT.TENANT_ID, tenant).set(ENROLMENT.COURSE_ID, course).set(ENROLMENT.STUDENT_ID, owner).execute();
            db.insertInto(COURSE_INVITATION).set(COURSE_INVITATION.ID, UUID.randomUUID()).set(COURSE_INVITATION.TENANT_ID, tenant)
                    .set(COURSE_INVITATION.COURSE_ID, course).set(COURSE_INVITATION.EMAIL, "invitee@example.com")
                    .set(COURSE_INVITATION.EXPIRES_AT, OffsetDateTime.now().plusDays(30)).execute();
            seedClassroom(tenant, course, owner);
            seedChat(tenant, course, owner);
        }));
    }

    /** One row in each classroom table; the owner is enrolled in their own course, so they may submit too. */
    private void seedChat(UUID tenant, UUID course, UUID owner) {
        UUID channel = UUID.randomUUID();
        db.insertInto(CHANNEL).set(CHANNEL.ID, channel).set(CHANNEL.TENANT_ID, tenant).set(CHANNEL.COURSE_ID, course).set(CHANNEL.KIND, "COURSE")
                .set(CHANNEL.AUDIENCE, "COURSE").execute();
        db.insertInto(CHANNEL_MEMBER).set(CHANNEL_MEMBER.CHANNEL_ID, channel).set(CHANNEL_MEMBER.TENANT_ID, tenant).set(CHANNEL_MEMBER.USER_ID, owner)
                .execute();
        UUID message = db.insertInto(MESSAGE).set(MESSAGE.TENANT_ID, tenant).set(MESSAGE.CHANNEL_ID, channel).set(MESSAGE.AUTHOR_ID, owner)
                .set(MESSAGE.BODY_HTML, "<p>Hello</p>").set(MESSAGE.BODY_TEXT, "Hello").returning(MESSAGE.ID).fetchSingle(MESSAGE.ID);
        db.insertInto(MESSAGE_REACTION).set(MESSAGE_REACTION.MESSAGE_ID, message).set(MESSAGE_REACTION.USER_ID, owner)
                .set(MESSAGE_REACTION.TENANT_ID, tenant).set(MESSAGE_REACTION.CHANNEL_ID, channel).set(MESSAGE_REACTION.EMOJI, "👍").execute();
        db.insertInto(CHANNEL_MUTE).set(CHANNEL_MUTE.CHANNEL_ID, channel).set(CHANNEL_MUTE.TENANT_ID, tenant).set(CHANNEL_MUTE.USER_ID, owner)
                .set(CHANNEL_MUTE.UNTIL, OffsetDateTime.now().plusHours(1)).execute();
        db.insertInto(MESSAGE_REPORT).set(MESSAGE_REPORT.TENANT_ID, tenant).set(MESSAGE_REPORT.CHANNEL_ID, channel).set(MESSAGE_REPORT.COURSE_ID, course)
                .set(MESSAGE_REPORT.MESSAGE_ID, message)
                .set(MESSAGE_REPORT.REPORTER_ID, owner).set(MESSAGE_REPORT.REASON, "Test").execute();
    }

    private void seedClassroom(UUID tenant, UUID course, UUID owner) {
        UUID assignment = UUID.randomUUID();
        db.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, assignment).set(COURSE_ITEM.TENANT_ID, tenant).set(COURSE_ITEM.COURSE_ID, course)
                .set(COURSE_ITEM.KIND, "ASSIGNMENT").set(COURSE_ITEM.TITLE, "Essay").set(COURSE_ITEM.POINTS_POSSIBLE, BigDecimal.TEN)
                .set(COURSE_ITEM.GRADING_SCALE, "POINTS").set(COURSE_ITEM.LATE_POLICY, "ACCEPT").execute();
        UUID submission = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(SUBMISSION).set(SUBMISSION.ID, submission).set(SUBMISSION.TENANT_ID, tenant).set(SUBMISSION.COURSE_ID, course)
                .set(SUBMISSION.ASSIGNMENT_ID, assignment).set(SUBMISSION.STUDENT_ID, owner).set(SUBMISSION.CURRENT_VERSION, 1)
                .set(SUBMISSION.SUBMITTED_AT, now).set(SUBMISSION.LATE, false).execute();
        db.insertInto(SUBMISSION_VERSION).set(SUBMISSION_VERSION.SUBMISSION_ID, submission).set(SUBMISSION_VERSION.VERSION, 1)
                .set(SUBMISSION_VERSION.TENANT_ID, tenant).set(SUBMISSION_VERSION.STUDENT_ID, owner)
                .set(SUBMISSION_VERSION.SUBMITTED_AT, now).set(SUBMISSION_VERSION.LATE, false).execute();
        db.insertInto(STORED_FILE).set(STORED_FILE.ID, UUID.randomUUID()).set(STORED_FILE.TENANT_ID, tenant).set(STORED_FILE.COURSE_ID, course)
                .set(STORED_FILE.ITEM_ID, assignment).set(STORED_FILE.STORAGE_KEY, "t/" + tenant + "/f").set(STORED_FILE.FILENAME, "a.pdf")
                .set(STORED_FILE.CONTENT_TYPE, "application/pdf").set(STORED_FILE.SIZE_BYTES, 1L).set(STORED_FILE.SHA256, "00").execute();
        db.insertInto(GRADE).set(GRADE.TENANT_ID, tenant).set(GRADE.COURSE_ID, course).set(GRADE.ASSIGNMENT_ID, assignment)
                .set(GRADE.STUDENT_ID, owner).set(GRADE.POINTS, BigDecimal.ONE).execute();
        db.insertInto(GRADE_HISTORY).set(GRADE_HISTORY.ID, UUID.randomUUID()).set(GRADE_HISTORY.TENANT_ID, tenant)
                .set(GRADE_HISTORY.ASSIGNMENT_ID, assignment).set(GRADE_HISTORY.STUDENT_ID, owner).set(GRADE_HISTORY.POINTS, BigDecimal.ONE)
                .set(GRADE_HISTORY.FEEDBACK_HTML, "").set(GRADE_HISTORY.GRADED_AT, now).execute();
        UUID session = UUID.randomUUID();
        db.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, session).set(COURSE_ITEM.TENANT_ID, tenant).set(COURSE_ITEM.COURSE_ID, course)
                .set(COURSE_ITEM.KIND, "SESSION").set(COURSE_ITEM.TITLE, "Live").set(COURSE_ITEM.STARTS_AT, now)
                .set(COURSE_ITEM.DURATION_MINUTES, 60).execute();
        db.insertInto(ATTENDANCE).set(ATTENDANCE.TENANT_ID, tenant).set(ATTENDANCE.COURSE_ID, course).set(ATTENDANCE.SESSION_ID, session)
                .set(ATTENDANCE.STUDENT_ID, owner).set(ATTENDANCE.STATUS, "PRESENT").execute();
        db.insertInto(NOTIFICATION).set(NOTIFICATION.ID, UUID.randomUUID()).set(NOTIFICATION.USER_ID, owner).set(NOTIFICATION.TENANT_ID, tenant)
                .set(NOTIFICATION.KIND, "NEW_WORK").set(NOTIFICATION.TITLE, "Essay").set(NOTIFICATION.LINK, "/courses").execute();
        seedLiveRoom(tenant, course, session, owner, now);
    }

    private void seedLiveRoom(UUID tenant, UUID course, UUID session, UUID owner, OffsetDateTime now) {
        long version = videoVersion;
        UUID room = UUID.randomUUID();
        String name = "rls-" + room.toString().substring(0, 8);
        db.insertInto(LIVE_ROOM).set(LIVE_ROOM.ID, room).set(LIVE_ROOM.TENANT_ID, tenant).set(LIVE_ROOM.COURSE_ID, course).set(LIVE_ROOM.ITEM_ID, session)
                .set(LIVE_ROOM.ROOM_NAME, name).set(LIVE_ROOM.STARTS_AT, now).set(LIVE_ROOM.ENDS_AT, now.plusHours(1))
                .set(LIVE_ROOM.PROVIDER_ID, "livekit").set(LIVE_ROOM.PROVIDER_VERSION, version).execute();
        liveRooms.add(new UUID[] {tenant, course, room, owner});
        db.insertInto(LIVE_RECORDING).set(LIVE_RECORDING.TENANT_ID, tenant).set(LIVE_RECORDING.COURSE_ID, course).set(LIVE_RECORDING.ROOM_ID, room)
                .set(LIVE_RECORDING.ROOM_NAME, name).set(LIVE_RECORDING.PROVIDER_ID, "livekit").set(LIVE_RECORDING.PROVIDER_VERSION, version)
                .set(LIVE_RECORDING.STATUS, "RECORDING").execute();
    }

    private UUID newUser(String email) {
        return platformScope.inTransaction(null, "test", () -> db.insertInto(APP_USER).set(APP_USER.EMAIL, email)
                .set(APP_USER.FIRST_NAME, "T").set(APP_USER.LAST_NAME, "U")
                .set(APP_USER.ROLES, new String[] {"TEACHER"}).returning(APP_USER.ID).fetchSingle(APP_USER.ID));
    }

    /** Every table with a tenant_id column, read from the live schema. */
    private List<String> tenantOwnedTables() {
        return db.fetch("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                order by 1""").getValues(0, String.class);
    }

    @Test
    void tenantBSeesNoneOfTenantARowsEvenWithRawSelectStar() {
        List<String> tables = tenantOwnedTables();
        assertThat(tables).contains("tenant_member", "audit_event");

        DbScope.tenant(tenantB, userB).run(() -> transactions.executeWithoutResult(status -> {
            for (String table : tables) {
                List<UUID> tenantIds = db.fetch("select * from " + table).getValues("tenant_id", UUID.class);
                assertThat(tenantIds).as(table).isNotEmpty().doesNotContain(tenantA).containsOnly(tenantB);
            }
            List<UUID> visibleTenants = db.fetch("select * from tenant").getValues("id", UUID.class);
            assertThat(visibleTenants).containsExactly(tenantB);
        }));
    }

    @Test
    void withoutAScopeNoTenantRowIsVisible() {
        transactions.executeWithoutResult(status -> {
            for (String table : tenantOwnedTables()) {
                assertThat(db.fetch("select * from " + table)).as(table).isEmpty();
            }
            assertThat(db.fetch("select * from tenant")).isEmpty();
        });
        // Outside a transaction no scope is set either: fail closed.
        assertThat(db.fetch("select * from tenant_member")).isEmpty();
    }

    @Test
    void tenantBCannotWriteIntoOrAlterTenantA() {
        DbScope scopeB = DbScope.tenant(tenantB, userB);
        assertThatThrownBy(() -> scopeB.run(() -> transactions.executeWithoutResult(status ->
                db.insertInto(TENANT_MEMBER).set(TENANT_MEMBER.TENANT_ID, tenantA).set(TENANT_MEMBER.USER_ID, userB)
                        .set(TENANT_MEMBER.ROLE, "TEACHER").execute())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");

        int updated = scopeB.supply(() -> transactions.execute(status ->
                db.update(TENANT).set(TENANT.NAME, "taken over").where(TENANT.ID.eq(tenantA)).execute()));
        int deleted = scopeB.supply(() -> transactions.execute(status ->
                db.deleteFrom(TENANT_MEMBER).where(TENANT_MEMBER.TENANT_ID.eq(tenantA)).execute()));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();

        Record tenant = platformScope.call(null, "test", () -> transactions.execute(status ->
                db.selectFrom(TENANT).where(TENANT.ID.eq(tenantA)).fetchSingle()));
        assertThat(tenant.get(TENANT.NAME)).isEqualTo("Studio A");
    }

    @Test
    void aUserSeesTheirOwnMembershipsAcrossTenantsButNotOthers() {
        List<UUID> visible = DbScope.user(userA).supply(() -> transactions.execute(status ->
                db.select(TENANT_MEMBER.TENANT_ID).from(TENANT_MEMBER).fetch(TENANT_MEMBER.TENANT_ID)));
        assertThat(visible).containsExactly(tenantA);
    }

    @Test
    void settingsEndWithTheirTransactionOnTheSamePhysicalConnection(@Autowired DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            TransactionTemplate onThisConnection = new TransactionTemplate(new TenantScopedTransactionManager(single, noResolver()));
            String inside = DbScope.tenant(tenantA, userA).supply(() -> onThisConnection.execute(status ->
                    DSL.using(single, SQLDialect.POSTGRES).fetchValue(DSL.field("current_setting('app.tenant_id', true)", String.class))));
            assertThat(inside).isEqualTo(tenantA.toString());

            try (Statement statement = connection.createStatement();
                    ResultSet after = statement.executeQuery("select current_setting('app.tenant_id', true)")) {
                after.next();
                assertThat(after.getString(1)).isIn("", null);
            }
        }
    }

    private static ObjectProvider<CurrentScopeResolver> noResolver() {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(CurrentScopeResolver.class);
    }

    @Test
    void aScopeCannotBeBoundInsideARunningTransaction() {
        assertThatThrownBy(() -> platformScope.call(null, "test", () -> transactions.execute(status ->
                DbScope.tenant(tenantA, userA).supply(() -> 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the transaction starts");
    }

    /** Tables that hold a person, tenant or email column yet are not under forced row-level security, and why. */
    private static final Map<String, String> NOT_FORCED = Map.of();

    @Test
    void everyTableHoldingPeopleOrTenantsHasForcedRowLevelSecurityAndAPolicy() {
        List<String> tables = PersonalDataTables.in(db);
        assertThat(tables).contains("app_user", "tenant", "account_token", "policy_acceptance", "survey_response",
                "session_revocation", "email_outbox", "calendar_feed", "course_invitation");
        for (String table : tables) {
            if (NOT_FORCED.containsKey(table)) {
                continue;
            }
            Record flags = db.fetchSingle("select relrowsecurity, relforcerowsecurity from pg_class where relname = ? and relnamespace = 'public'::regnamespace", table);
            assertThat(flags.get(0, Boolean.class)).as(table + " row security").isTrue();
            assertThat(flags.get(1, Boolean.class)).as(table + " forced").isTrue();
            assertThat(db.fetchValue("select count(*) from pg_policies where tablename = ?", table)).as(table + " policies").isNotEqualTo(0L);
        }
        assertThat(tables).as("the allow-list names only tables that exist and need it").containsAll(NOT_FORCED.keySet());
    }

    @Test
    void definerFunctionsPinTheirSearchPathWithPgTempLast() {
        List<Record> functions = db.fetch("""
                select p.proname, array_to_string(p.proconfig, ',') as config from pg_proc p
                where p.pronamespace = 'public'::regnamespace and p.prosecdef""");
        assertThat(functions).extracting(r -> r.get(0, String.class))
                .contains("course_for_join_code", "course_teacher_ids", "calendar_feed_owner", "join_course_by_code", "account_id_for_email",
                        "course_invitation_preview", "accept_course_invitation");
        for (Record function : functions) {
            assertThat(function.get(1, String.class)).as(function.get(0, String.class))
                    .isEqualTo("search_path=pg_catalog, public, pg_temp");
        }
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        Record role = db.fetchSingle("select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
        assertThat(role.get(0, String.class)).isEqualTo("classentra_app");
        assertThat(role.get(1, Boolean.class)).isFalse();
        assertThat(role.get(2, Boolean.class)).isFalse();
    }

    @Test
    void onlyThePlatformScopeMayChangeThePluginRegistry() {
        assertThatThrownBy(() -> DbScope.tenant(tenantA, userA).run(() -> transactions.executeWithoutResult(status ->
                db.insertInto(PLUGIN_SLOT_STATE).set(PLUGIN_SLOT_STATE.SLOT, "video")
                        .set(PLUGIN_SLOT_STATE.ACTIVE_PROVIDER_ID, "evil").execute())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void anAuditEventCannotBeAttributedToSomeoneElse() {
        assertThatThrownBy(() -> DbScope.tenant(tenantA, userA).run(() -> transactions.executeWithoutResult(status ->
                db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.TENANT_ID, tenantA).set(AUDIT_EVENT.ACTOR_USER_ID, userB)
                        .set(AUDIT_EVENT.ACTION, "forged").set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}")).execute())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplication() {
        assertThatThrownBy(() -> platformScope.call(null, "test", () -> transactions.execute(status ->
                db.deleteFrom(AUDIT_EVENT).execute())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }
}
