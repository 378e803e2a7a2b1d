package com.classentra.grading;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.GRADE_HISTORY;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.classwork.GradingScale;
import com.classentra.classwork.ItemColumns;
import com.classentra.classwork.ItemKind;
import com.classentra.classwork.LatePolicy;
import com.classentra.courses.ActiveEnrolments;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** jOOQ queries for grades, the gradebook and the regrade history; every page is a fixed number of statements. */
@Repository
class GradeRepository {

    private final DSLContext db;

    GradeRepository(DSLContext db) {
        this.db = db;
    }

    record AssignmentRef(UUID id, UUID tenantId, UUID courseId, String title, GradingScale gradingScale, BigDecimal pointsPossible,
            OffsetDateTime dueAt, LatePolicy latePolicy, Integer latePenaltyPercent) {
    }

    Optional<AssignmentRef> assignment(UUID courseId, UUID assignmentId) {
        return assignments(COURSE_ITEM.COURSE_ID.eq(courseId).and(COURSE_ITEM.ID.eq(assignmentId))).stream().findFirst();
    }

    /** The course's assignments, in due-date order: the gradebook's columns. */
    List<AssignmentRef> assignments(UUID courseId) {
        return assignments(COURSE_ITEM.COURSE_ID.eq(courseId));
    }

    private List<AssignmentRef> assignments(org.jooq.Condition condition) {
        return db.select(COURSE_ITEM.ID, COURSE_ITEM.TENANT_ID, COURSE_ITEM.COURSE_ID, COURSE_ITEM.TITLE, ItemColumns.GRADING_SCALE,
                        COURSE_ITEM.POINTS_POSSIBLE, COURSE_ITEM.DUE_AT, ItemColumns.LATE_POLICY, COURSE_ITEM.LATE_PENALTY_PERCENT)
                .from(COURSE_ITEM)
                .where(condition.and(ItemColumns.KIND.eq(ItemKind.ASSIGNMENT)))
                .orderBy(COURSE_ITEM.DUE_AT.asc().nullsLast(), COURSE_ITEM.CREATED_AT)
                .fetch(r -> new AssignmentRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    record StudentRef(UUID id, String name, String email) {
    }

    int activeStudentCount(UUID courseId) {
        return db.fetchCount(ActiveEnrolments.studentsOf(val(courseId)));
    }

    /** One page of the course's active students, by last name. */
    List<StudentRef> students(UUID courseId, int offset, int limit) {
        return db.select(APP_USER.ID, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.EMAIL)
                .from(APP_USER)
                .where(APP_USER.ID.in(ActiveEnrolments.studentsOf(val(courseId))))
                .orderBy(APP_USER.LAST_NAME, APP_USER.FIRST_NAME, APP_USER.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new StudentRef(r.value1(), r.value2() + " " + r.value3(), r.value4()));
    }

    boolean isActiveStudent(UUID courseId, UUID studentId) {
        return db.select(field(ActiveEnrolments.isActive(val(courseId), val(studentId)))).fetchOne(0, Boolean.class);
    }

    record Turnin(UUID assignmentId, UUID studentId, OffsetDateTime submittedAt, boolean late, int versions) {
    }

    /** The latest turn-in of these students in the course, for every assignment at once. */
    List<Turnin> turnins(UUID courseId, Collection<UUID> studentIds) {
        return db.select(SUBMISSION.ASSIGNMENT_ID, SUBMISSION.STUDENT_ID, SUBMISSION.SUBMITTED_AT, SUBMISSION.LATE, SUBMISSION.CURRENT_VERSION)
                .from(SUBMISSION)
                .where(SUBMISSION.COURSE_ID.eq(courseId).and(SUBMISSION.STUDENT_ID.in(studentIds)))
                .fetch(r -> new Turnin(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The grades of these students in the course (for a student: only their returned ones, by row-level security). */
    List<Grade> grades(UUID courseId, Collection<UUID> studentIds) {
        return db.selectFrom(GRADE).where(GRADE.COURSE_ID.eq(courseId).and(GRADE.STUDENT_ID.in(studentIds))).fetch(GradeRepository::grade);
    }

    Optional<Grade> grade(UUID assignmentId, UUID studentId) {
        return db.selectFrom(GRADE).where(GRADE.ASSIGNMENT_ID.eq(assignmentId).and(GRADE.STUDENT_ID.eq(studentId))).fetchOptional(GradeRepository::grade);
    }

    /** Writes the grade and appends it to the history, in the caller's transaction. */
    void save(AssignmentRef assignment, UUID studentId, BigDecimal points, String letter, String feedbackHtml, boolean returnNow,
            UUID gradedBy, String reason) {
        OffsetDateTime now = OffsetDateTime.now();
        db.insertInto(GRADE)
                .set(GRADE.TENANT_ID, assignment.tenantId()).set(GRADE.COURSE_ID, assignment.courseId())
                .set(GRADE.ASSIGNMENT_ID, assignment.id()).set(GRADE.STUDENT_ID, studentId)
                .set(GRADE.POINTS, points).set(GRADE.LETTER, letter).set(GRADE.FEEDBACK_HTML, feedbackHtml)
                .set(GRADE.GRADED_BY, gradedBy).set(GRADE.GRADED_AT, now).set(GRADE.RETURNED_AT, returnNow ? now : null)
                .onConflict(GRADE.ASSIGNMENT_ID, GRADE.STUDENT_ID).doUpdate()
                .set(GRADE.POINTS, points).set(GRADE.LETTER, letter).set(GRADE.FEEDBACK_HTML, feedbackHtml)
                .set(GRADE.GRADED_BY, gradedBy).set(GRADE.GRADED_AT, now)
                // A returned grade stays returned when it is changed: the student sees the regrade.
                .set(GRADE.RETURNED_AT, returnNow ? org.jooq.impl.DSL.coalesce(GRADE.RETURNED_AT, currentOffsetDateTime()) : GRADE.RETURNED_AT)
                .execute();
        db.insertInto(GRADE_HISTORY)
                .set(GRADE_HISTORY.ID, UUID.randomUUID()).set(GRADE_HISTORY.TENANT_ID, assignment.tenantId())
                .set(GRADE_HISTORY.ASSIGNMENT_ID, assignment.id()).set(GRADE_HISTORY.STUDENT_ID, studentId)
                .set(GRADE_HISTORY.POINTS, points).set(GRADE_HISTORY.LETTER, letter).set(GRADE_HISTORY.FEEDBACK_HTML, feedbackHtml)
                .set(GRADE_HISTORY.GRADED_BY, gradedBy).set(GRADE_HISTORY.GRADED_AT, now).set(GRADE_HISTORY.REASON, reason)
                .execute();
    }

    /** Returns the graded work of these students (null: of every student); the ids of those newly returned. */
    List<UUID> returnGrades(UUID assignmentId, Collection<UUID> studentIds) {
        return db.update(GRADE).set(GRADE.RETURNED_AT, currentOffsetDateTime())
                .where(GRADE.ASSIGNMENT_ID.eq(assignmentId).and(GRADE.RETURNED_AT.isNull())
                        .and(studentIds == null ? org.jooq.impl.DSL.noCondition() : GRADE.STUDENT_ID.in(studentIds)))
                .returning(GRADE.STUDENT_ID)
                .fetch(GRADE.STUDENT_ID);
    }

    record HistoryRow(BigDecimal points, String letter, String feedbackHtml, String gradedBy, OffsetDateTime gradedAt, String reason) {
    }

    List<HistoryRow> history(UUID assignmentId, UUID studentId) {
        return db.select(GRADE_HISTORY.POINTS, GRADE_HISTORY.LETTER, GRADE_HISTORY.FEEDBACK_HTML,
                        APP_USER.FIRST_NAME.concat(" ").concat(APP_USER.LAST_NAME), GRADE_HISTORY.GRADED_AT, GRADE_HISTORY.REASON)
                .from(GRADE_HISTORY).leftJoin(APP_USER).on(APP_USER.ID.eq(GRADE_HISTORY.GRADED_BY))
                .where(GRADE_HISTORY.ASSIGNMENT_ID.eq(assignmentId).and(GRADE_HISTORY.STUDENT_ID.eq(studentId)))
                .orderBy(GRADE_HISTORY.GRADED_AT.desc())
                .fetch(r -> new HistoryRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    private static Grade grade(Record r) {
        OffsetDateTime returned = r.get(GRADE.RETURNED_AT);
        return new Grade(r.get(GRADE.ASSIGNMENT_ID), r.get(GRADE.STUDENT_ID), r.get(GRADE.POINTS), r.get(GRADE.LETTER), r.get(GRADE.FEEDBACK_HTML),
                r.get(GRADE.GRADED_AT).toInstant(), returned == null ? null : returned.toInstant());
    }
}
