package com.classentra.dashboard;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;

import com.classentra.classwork.ItemColumns;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.ActiveEnrolments;
import com.classentra.dashboard.StudentDashboard.Deadline;
import com.classentra.dashboard.StudentDashboard.EnrolledCourse;
import com.classentra.dashboard.StudentDashboard.Feedback;
import com.classentra.dashboard.TeacherDashboard.CourseActivity;
import com.classentra.dashboard.TeacherDashboard.Post;
import com.classentra.dashboard.TeacherDashboard.WorkToGrade;
import com.classentra.db.jooq.tables.CourseItem;
import com.classentra.grading.Grade;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record6;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The dashboards' queries: one statement per card, each bounded by a LIMIT, so a page costs the same number of
 * statements whatever the size of the workspace. Row-level security limits what each caller sees; the explicit
 * tenant and student conditions are there so PostgreSQL can use the indexes that start with them.
 */
@Repository
class DashboardRepository {

    private final DSLContext db;

    DashboardRepository(DSLContext db) {
        this.db = db;
    }

    /** The workspace's sessions starting in [from, to), in active courses. */
    List<Session> tenantSessions(UUID tenantId, Instant from, Instant to, int limit) {
        return sessions(COURSE_ITEM.TENANT_ID.eq(tenantId), from, to, limit);
    }

    /** The sessions starting in [from, to) of the courses the student is actively enrolled in. */
    List<Session> studentSessions(UUID studentId, Instant from, Instant to, int limit) {
        return sessions(COURSE_ITEM.COURSE_ID.in(activeCoursesOf(studentId)), from, to, limit);
    }

    private List<Session> sessions(Condition whose, Instant from, Instant to, int limit) {
        return db.select(COURSE_ITEM.COURSE_ID, COURSE.TITLE, COURSE_ITEM.ID, COURSE_ITEM.TITLE, COURSE_ITEM.STARTS_AT,
                        COURSE_ITEM.DURATION_MINUTES, COURSE_ITEM.MEETING_URL)
                .from(COURSE_ITEM).join(COURSE).on(COURSE.ID.eq(COURSE_ITEM.COURSE_ID))
                .where(whose, ItemColumns.KIND.eq(ItemKind.SESSION), COURSE_ITEM.STARTS_AT.ge(utc(from)), COURSE_ITEM.STARTS_AT.lt(utc(to)),
                        COURSE.ARCHIVED_AT.isNull())
                .orderBy(COURSE_ITEM.STARTS_AT, COURSE_ITEM.ID)
                .limit(limit)
                .fetch(r -> new Session(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6(), r.value7()));
    }

    /**
     * The oldest turn-ins of the workspace's active courses that wait for a grade: never graded, or turned in again
     * after the grade was given. PostgreSQL walks the turn-ins oldest first and stops at the limit, which is quick
     * while ungraded work is spread over time and slow when nearly all older work is graded (docs/performance.md).
     */
    List<WorkToGrade> workToGrade(UUID tenantId, int limit) {
        return db.select(SUBMISSION.COURSE_ID, COURSE.TITLE, SUBMISSION.ASSIGNMENT_ID, COURSE_ITEM.TITLE, SUBMISSION.STUDENT_ID,
                        APP_USER.FIRST_NAME, APP_USER.LAST_NAME, SUBMISSION.SUBMITTED_AT, SUBMISSION.CURRENT_VERSION, SUBMISSION.LATE,
                        GRADE.GRADED_AT.isNotNull())
                .from(SUBMISSION)
                .join(COURSE).on(COURSE.ID.eq(SUBMISSION.COURSE_ID))
                .join(COURSE_ITEM).on(COURSE_ITEM.ID.eq(SUBMISSION.ASSIGNMENT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(SUBMISSION.STUDENT_ID))
                .leftJoin(GRADE).on(GRADE.ASSIGNMENT_ID.eq(SUBMISSION.ASSIGNMENT_ID).and(GRADE.STUDENT_ID.eq(SUBMISSION.STUDENT_ID)))
                .where(SUBMISSION.TENANT_ID.eq(tenantId), COURSE.ARCHIVED_AT.isNull(),
                        GRADE.GRADED_AT.isNull().or(SUBMISSION.SUBMITTED_AT.gt(GRADE.GRADED_AT)))
                .orderBy(SUBMISSION.SUBMITTED_AT, SUBMISSION.ID)
                .limit(limit)
                .fetch(r -> new WorkToGrade(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6() + " " + r.value7(),
                        r.value8().toInstant(), r.value9(), r.value10(), r.value11()));
    }

    /**
     * The workspace's active courses, most recently posted in first, each with its active students, newest shared
     * item and the work turned in since {@code since} (counted by latest turn-in per student and assignment).
     */
    List<CourseActivity> courseActivity(UUID tenantId, Instant since, int limit) {
        Field<Integer> students = ActiveEnrolments.countIn(COURSE.ID);
        Field<Integer> recentTurnIns = field(select(count()).from(SUBMISSION)
                .where(SUBMISSION.COURSE_ID.eq(COURSE.ID), SUBMISSION.SUBMITTED_AT.ge(utc(since))));
        CourseItem newest = COURSE_ITEM.as("newest");
        Table<?> lastPost = lateral(select(newest.ID, newest.TITLE, newest.CREATED_AT).from(newest)
                .where(newest.COURSE_ID.eq(COURSE.ID), newest.SHARED.isTrue())
                .orderBy(newest.CREATED_AT.desc()).limit(1)).as("last_post");
        Field<OffsetDateTime> postedAt = lastPost.field(newest.CREATED_AT);
        return db.select(COURSE.ID, COURSE.TITLE, students, lastPost.field(newest.ID), lastPost.field(newest.TITLE),
                        postedAt, recentTurnIns)
                .from(COURSE).leftJoin(lastPost).on(trueCondition())
                .where(COURSE.TENANT_ID.eq(tenantId), COURSE.ARCHIVED_AT.isNull())
                .orderBy(postedAt.desc().nullsLast(), COURSE.TITLE, COURSE.ID)
                .limit(limit)
                .fetch(r -> new CourseActivity(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : new Post(r.value4(), r.value5(), r.value6().toInstant()), r.value7()));
    }

    /**
     * The student's assignments not turned in: the next ones due in [now, until) by due date, then the missing ones
     * (past due), most recently due first.
     */
    List<Deadline> deadlines(UUID studentId, Instant now, Instant until, int limitEach) {
        Condition notTurnedIn = notExists(selectOne().from(SUBMISSION)
                .where(SUBMISSION.ASSIGNMENT_ID.eq(COURSE_ITEM.ID), SUBMISSION.STUDENT_ID.eq(studentId)));
        var upcoming = assignmentsOf(studentId, COURSE_ITEM.DUE_AT.ge(utc(now)).and(COURSE_ITEM.DUE_AT.lt(utc(until))).and(notTurnedIn), false)
                .orderBy(COURSE_ITEM.DUE_AT, COURSE_ITEM.ID).limit(limitEach);
        var missing = assignmentsOf(studentId, COURSE_ITEM.DUE_AT.lt(utc(now)).and(notTurnedIn), true)
                .orderBy(COURSE_ITEM.DUE_AT.desc(), COURSE_ITEM.ID).limit(limitEach);
        return db.fetch(upcoming.unionAll(missing))
                .map(r -> new Deadline(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6()));
    }

    private SelectConditionStep<Record6<UUID, String, UUID, String, OffsetDateTime, Boolean>> assignmentsOf(UUID studentId,
            Condition condition, boolean missing) {
        return db.select(COURSE_ITEM.COURSE_ID, COURSE.TITLE, COURSE_ITEM.ID, COURSE_ITEM.TITLE, COURSE_ITEM.DUE_AT, inline(missing))
                .from(COURSE_ITEM).join(COURSE).on(COURSE.ID.eq(COURSE_ITEM.COURSE_ID))
                .where(COURSE_ITEM.COURSE_ID.in(activeCoursesOf(studentId)), ItemColumns.KIND.eq(ItemKind.ASSIGNMENT), COURSE.ARCHIVED_AT.isNull(), condition);
    }

    /** Grades most recently returned to the student, in courses they still attend. */
    List<Feedback> feedback(UUID studentId, int limit) {
        return db.select(GRADE.COURSE_ID, COURSE.TITLE, GRADE.ASSIGNMENT_ID, COURSE_ITEM.TITLE, GRADE.POINTS, GRADE.LETTER,
                        ItemColumns.GRADING_SCALE, COURSE_ITEM.POINTS_POSSIBLE, GRADE.RETURNED_AT)
                .from(GRADE)
                .join(COURSE_ITEM).on(COURSE_ITEM.ID.eq(GRADE.ASSIGNMENT_ID))
                .join(COURSE).on(COURSE.ID.eq(GRADE.COURSE_ID))
                .where(GRADE.STUDENT_ID.eq(studentId), GRADE.RETURNED_AT.isNotNull())
                .orderBy(GRADE.RETURNED_AT.desc(), GRADE.ASSIGNMENT_ID)
                .limit(limit)
                .fetch(r -> {
                    Grade grade = new Grade(r.value3(), studentId, r.value5(), r.value6(), "", null, r.value9().toInstant());
                    return new Feedback(r.value1(), r.value2(), r.value3(), r.value4(),
                            grade.display(r.value7(), r.value8()), r.value9().toInstant());
                });
    }

    List<EnrolledCourse> enrolledCourses(UUID studentId, int limit) {
        return db.select(COURSE.ID, COURSE.TITLE).from(COURSE)
                .where(COURSE.ID.in(activeCoursesOf(studentId)), COURSE.ARCHIVED_AT.isNull())
                .orderBy(COURSE.TITLE, COURSE.ID)
                .limit(limit)
                .fetch(r -> new EnrolledCourse(r.value1(), r.value2()));
    }

    private static Select<Record1<UUID>> activeCoursesOf(UUID studentId) {
        return ActiveEnrolments.coursesOf(studentId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
