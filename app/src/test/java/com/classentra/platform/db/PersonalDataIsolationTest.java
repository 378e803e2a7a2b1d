package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.accounts.OnboardingSurvey;
import com.classentra.courses.CourseService;
import com.classentra.db.jooq.Routines;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * People's own rows (accounts, their tokens, acceptances, survey answers, revocations) are under row-level
 * security too: a person reads their own, a workspace reads the accounts of its members and of the students
 * actively enrolled in its courses, and nobody reads a stranger's, whatever SQL the application sends.
 */
@ClassentraTest
class PersonalDataIsolationTest {

    @Autowired
    DSLContext db;
    @Autowired
    ScopedTransactions scoped;
    @Autowired
    Classrooms classrooms;
    @Autowired
    CourseService courses;
    @Autowired
    OnboardingSurvey survey;
    @Autowired
    PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser otherTeacher;
    private SignedInUser student;
    private SignedInUser stranger;
    private CourseSummary course;

    @BeforeEach
    void aClassroomAndAStranger() {
        teacher = classrooms.teacher("Clara", "Schumann");
        otherTeacher = classrooms.teacher("Fanny", "Mendelssohn");
        student = classrooms.student("Robert", "Kahn");
        stranger = classrooms.student("Eve", "Outsider");
        course = classrooms.course(teacher, "Lieder");
        classrooms.enrol(student, course);
        survey.submit(stranger, Map.of("dashboard", List.of("My courses")));
        platform.call(sql -> sql.insertInto(SESSION_REVOCATION).set(SESSION_REVOCATION.USER_ID, stranger.id())
                .set(SESSION_REVOCATION.REVOKED_BEFORE, OffsetDateTime.now()).execute());
    }

    private List<UUID> visibleAccounts(DbScope scope) {
        return scoped.in(scope, () -> db.select(APP_USER.ID).from(APP_USER).fetch(APP_USER.ID));
    }

    @Test
    void aPersonSeesOnlyThemselfAndAWorkspaceOnlyItsMembersAndActiveStudents() {
        assertThat(visibleAccounts(DbScope.user(stranger.id()))).containsExactly(stranger.id());
        assertThat(visibleAccounts(DbScope.user(student.id()))).containsExactly(student.id());
        assertThat(visibleAccounts(student.dbScope())).containsExactly(student.id());
        assertThat(visibleAccounts(teacher.dbScope())).containsExactlyInAnyOrder(teacher.id(), student.id());
        assertThat(visibleAccounts(otherTeacher.dbScope())).containsExactly(otherTeacher.id());
        assertThat(scoped.in(DbScope.tenant(null, null), () -> db.fetchCount(APP_USER))).as("no scope, no account").isZero();

        courses.leave(student, course.id());
        assertThat(visibleAccounts(teacher.dbScope())).as("a student who left is out of reach").containsExactly(teacher.id());
    }

    @Test
    void theirTokensAcceptancesAnswersAndRevocationsAreTheirOwn() {
        for (Table<?> table : List.of(ACCOUNT_TOKEN, POLICY_ACCEPTANCE, SURVEY_RESPONSE, SESSION_REVOCATION)) {
            TableField<?, UUID> owner = userColumn(table);
            assertThat(platform.count(table, owner.eq(stranger.id()))).as(table.getName() + " seeded").isPositive();
            for (SignedInUser other : List.of(teacher, student, otherTeacher)) {
                List<UUID> seen = scoped.in(other.dbScope(), () -> db.select(owner).from(table).fetch(owner));
                assertThat(seen).as(table.getName() + " seen by " + other.displayName()).doesNotContain(stranger.id());
                int changed = scoped.in(other.dbScope(), () -> db.deleteFrom(table).where(owner.eq(stranger.id())).execute());
                assertThat(changed).as(table.getName() + " deleted by " + other.displayName()).isZero();
            }
            assertThat(scoped.asUser(stranger.id(), () -> db.fetchCount(table, owner.eq(stranger.id())))).isPositive();
        }
    }

    @Test
    void nobodyChangesAnotherPersonsAccountOrCreatesOneInTheirName() {
        int updated = scoped.in(teacher.dbScope(), () -> db.update(APP_USER).set(APP_USER.ROLES, new String[] {"ADMIN"})
                .where(APP_USER.ID.eq(student.id())).execute());
        assertThat(updated).as("a teacher cannot change their student's account").isZero();
        assertThat(platform.value(APP_USER.ROLES, APP_USER.ID.eq(student.id()))).containsExactly("STUDENT");

        assertThatThrownBy(() -> scoped.in(student.dbScope(), () -> db.insertInto(APP_USER).set(APP_USER.ID, UUID.randomUUID())
                .set(APP_USER.EMAIL, "sock-puppet@example.com").set(APP_USER.FIRST_NAME, "S").set(APP_USER.LAST_NAME, "P")
                .set(APP_USER.ROLES, new String[] {"ADMIN"}).execute()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void theLookupsBeforeSignInAnswerOnlyAnIdAndLeaveTheCallersScopeAsItWas() {
        String email = platform.value(APP_USER.EMAIL, APP_USER.ID.eq(student.id()));
        // Called outside any transaction, as sign-in does.
        assertThat(db.select(Routines.accountIdForEmail("  " + email.toUpperCase() + " ")).fetchOne(0, UUID.class)).isEqualTo(student.id());
        assertThat(db.select(Routines.accountIdForEmail("nobody@example.com")).fetchOne(0, UUID.class)).isNull();

        boolean platformAfterwards = scoped.in(DbScope.user(stranger.id()), () -> {
            db.select(Routines.accountIdForEmail(email)).fetch();
            db.fetch("select * from course_for_join_code(?)", course.joinCode());
            return db.select(org.jooq.impl.DSL.field("app_platform_scope()", Boolean.class)).fetchOne(0, Boolean.class);
        });
        assertThat(platformAfterwards).as("the platform scope ends with the lookup").isFalse();
    }

    @SuppressWarnings("unchecked")
    private static TableField<?, UUID> userColumn(Table<?> table) {
        return (TableField<?, UUID>) table.field("user_id");
    }
}
