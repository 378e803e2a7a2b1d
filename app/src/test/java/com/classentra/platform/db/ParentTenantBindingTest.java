package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.GRADE_HISTORY;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * A child row can only name a parent of its own workspace: composite foreign keys refuse a course item,
 * submission, grade, file, attendance or notification that points at another workspace's course or item, even
 * when the row's own tenant passes the policy. And a student's only way to an enrolment is the join function.
 * Every write here is SQL sent straight from a teacher's or a student's scope.
 */
@ClassentraTest
class ParentTenantBindingTest {

    @Autowired
    DSLContext db;
    @Autowired
    ScopedTransactions scoped;
    @Autowired
    Classrooms classrooms;
    @Autowired
    CourseService courses;
    @Autowired
    PlatformSql platform;

    private SignedInUser victim;
    private SignedInUser attacker;
    private SignedInUser student;
    private CourseSummary victimCourse;
    private CourseSummary attackerCourse;
    private UUID victimAssignment;
    private UUID victimSession;

    @BeforeEach
    void twoWorkspaces() {
        victim = classrooms.teacher("Vera", "Victim");
        attacker = classrooms.teacher("Mallory", "Attacker");
        student = classrooms.student("Sam", "Student");
        victimCourse = classrooms.course(victim, "Private harmony");
        attackerCourse = classrooms.course(attacker, "Bait");
        victimAssignment = classrooms.assignment(victim, victimCourse, "Secret essay", OffsetDateTime.now().plusDays(1));
        victimSession = classrooms.session(victim, victimCourse, "Lesson", OffsetDateTime.now(), 60, null);
        classrooms.enrol(student, attackerCourse);
    }

    private void refusedAsAttacker(String what, Query query) {
        assertThatThrownBy(() -> scoped.run(attacker.dbScope(), query::execute)).as(what).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aTeacherCannotHangRowsOfTheirOwnWorkspaceOnAnotherWorkspacesCourseOrItem() {
        UUID mine = attacker.tenantId();
        refusedAsAttacker("course item in another workspace's course", db.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, UUID.randomUUID())
                .set(COURSE_ITEM.TENANT_ID, mine).set(COURSE_ITEM.COURSE_ID, victimCourse.id()).set(COURSE_ITEM.KIND, "ANNOUNCEMENT")
                .set(COURSE_ITEM.TITLE, "Injected"));
        refusedAsAttacker("enrolment in another workspace's course", db.insertInto(ENROLMENT).set(ENROLMENT.TENANT_ID, mine)
                .set(ENROLMENT.COURSE_ID, victimCourse.id()).set(ENROLMENT.STUDENT_ID, student.id()));
        refusedAsAttacker("grade on another workspace's assignment", db.insertInto(GRADE).set(GRADE.TENANT_ID, mine)
                .set(GRADE.COURSE_ID, attackerCourse.id()).set(GRADE.ASSIGNMENT_ID, victimAssignment).set(GRADE.STUDENT_ID, student.id())
                .set(GRADE.POINTS, BigDecimal.ONE));
        refusedAsAttacker("grade history on another workspace's assignment", db.insertInto(GRADE_HISTORY).set(GRADE_HISTORY.ID, UUID.randomUUID())
                .set(GRADE_HISTORY.TENANT_ID, mine).set(GRADE_HISTORY.ASSIGNMENT_ID, victimAssignment).set(GRADE_HISTORY.STUDENT_ID, student.id())
                .set(GRADE_HISTORY.FEEDBACK_HTML, "").set(GRADE_HISTORY.GRADED_AT, OffsetDateTime.now()));
        refusedAsAttacker("attendance at another workspace's session", db.insertInto(ATTENDANCE).set(ATTENDANCE.TENANT_ID, mine)
                .set(ATTENDANCE.COURSE_ID, attackerCourse.id()).set(ATTENDANCE.SESSION_ID, victimSession).set(ATTENDANCE.STUDENT_ID, student.id())
                .set(ATTENDANCE.STATUS, "PRESENT"));
        refusedAsAttacker("file on another workspace's item", db.insertInto(STORED_FILE).set(STORED_FILE.ID, UUID.randomUUID())
                .set(STORED_FILE.TENANT_ID, mine).set(STORED_FILE.COURSE_ID, attackerCourse.id()).set(STORED_FILE.ITEM_ID, victimAssignment)
                .set(STORED_FILE.STORAGE_KEY, "t/" + UUID.randomUUID()).set(STORED_FILE.FILENAME, "x.pdf")
                .set(STORED_FILE.CONTENT_TYPE, "application/pdf").set(STORED_FILE.SIZE_BYTES, 1L).set(STORED_FILE.SHA256, "00"));
        refusedAsAttacker("notification about another workspace's course", db.insertInto(NOTIFICATION).set(NOTIFICATION.ID, UUID.randomUUID())
                .set(NOTIFICATION.USER_ID, student.id()).set(NOTIFICATION.TENANT_ID, mine).set(NOTIFICATION.COURSE_ID, victimCourse.id())
                .set(NOTIFICATION.KIND, "NEW_WORK").set(NOTIFICATION.TITLE, "Open this").set(NOTIFICATION.LINK, "/courses"));
        assertThat(platform.count(COURSE_ITEM, COURSE_ITEM.COURSE_ID.eq(victimCourse.id()))).as("victim's items untouched").isEqualTo(2);
    }

    @Test
    void aStudentCannotSubmitToAnotherCourseOrWriteTheirOwnEnrolment() {
        OffsetDateTime now = OffsetDateTime.now();
        UUID submission = UUID.randomUUID();
        // The student is enrolled in the attacker's course; the assignment belongs to another course.
        assertThatThrownBy(() -> scoped.run(student.dbScope(), () -> db.insertInto(SUBMISSION).set(SUBMISSION.ID, submission)
                .set(SUBMISSION.TENANT_ID, attacker.tenantId()).set(SUBMISSION.COURSE_ID, attackerCourse.id())
                .set(SUBMISSION.ASSIGNMENT_ID, victimAssignment).set(SUBMISSION.STUDENT_ID, student.id()).set(SUBMISSION.CURRENT_VERSION, 1)
                .set(SUBMISSION.SUBMITTED_AT, now).set(SUBMISSION.LATE, false).execute()))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> scoped.run(student.dbScope(), () -> db.insertInto(SUBMISSION_VERSION).set(SUBMISSION_VERSION.SUBMISSION_ID, submission)
                .set(SUBMISSION_VERSION.VERSION, 1).set(SUBMISSION_VERSION.TENANT_ID, victim.tenantId()).set(SUBMISSION_VERSION.STUDENT_ID, student.id())
                .set(SUBMISSION_VERSION.SUBMITTED_AT, now).set(SUBMISSION_VERSION.LATE, false).execute()))
                .isInstanceOf(DataAccessException.class);

        assertThatThrownBy(() -> scoped.run(student.dbScope(), () -> db.insertInto(ENROLMENT).set(ENROLMENT.TENANT_ID, victim.tenantId())
                .set(ENROLMENT.COURSE_ID, victimCourse.id()).set(ENROLMENT.STUDENT_ID, student.id()).execute()))
                .as("enrolling oneself without the code").isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        assertThat(platform.count(ENROLMENT, ENROLMENT.COURSE_ID.eq(victimCourse.id()))).isZero();
    }

    @Test
    void aRemovedStudentCannotReactivateTheirEnrolmentAndMayOnlyLeave() {
        courses.removeStudent(attacker, attackerCourse.id(), student.id());
        int reactivated = scoped.in(student.dbScope(), () -> db.update(ENROLMENT).set(ENROLMENT.STATUS, "ACTIVE")
                .where(ENROLMENT.COURSE_ID.eq(attackerCourse.id()).and(ENROLMENT.STUDENT_ID.eq(student.id()))).execute());
        assertThat(reactivated).isZero();
        assertThat(platform.value(ENROLMENT.STATUS, ENROLMENT.COURSE_ID.eq(attackerCourse.id()))).isEqualTo("REMOVED");

        CourseSummary other = classrooms.course(victim, "Open course");
        classrooms.enrol(student, other);
        assertThatThrownBy(() -> scoped.run(student.dbScope(), () -> db.update(ENROLMENT).set(ENROLMENT.COURSE_ID, victimCourse.id())
                .where(ENROLMENT.COURSE_ID.eq(other.id())).execute()))
                .as("moving an enrolment to another course").isInstanceOf(DataAccessException.class);
        courses.leave(student, other.id());
        assertThat(platform.value(ENROLMENT.STATUS, ENROLMENT.COURSE_ID.eq(other.id()))).isEqualTo("LEFT");
    }
}
