package com.classentra.attendance;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import com.classentra.courses.ActiveEnrolments;
import com.classentra.attendance.CourseAttendance.Mark;
import com.classentra.classwork.ItemColumns;
import com.classentra.classwork.ItemKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** jOOQ queries on sessions, enrolled students and attendance; row-level security decides which rows each caller reaches. */
@Repository
class AttendanceRepository {

    private final DSLContext db;

    AttendanceRepository(DSLContext db) {
        this.db = db;
    }

    Optional<CourseSession> session(UUID courseId, UUID sessionId) {
        return db.selectFrom(COURSE_ITEM)
                .where(COURSE_ITEM.ID.eq(sessionId).and(COURSE_ITEM.COURSE_ID.eq(courseId)).and(ItemColumns.KIND.eq(ItemKind.SESSION)))
                .fetchOptional(AttendanceRepository::session);
    }

    List<CourseSession> sessions(UUID courseId) {
        return db.selectFrom(COURSE_ITEM)
                .where(COURSE_ITEM.COURSE_ID.eq(courseId).and(ItemColumns.KIND.eq(ItemKind.SESSION)))
                .orderBy(COURSE_ITEM.STARTS_AT, COURSE_ITEM.TITLE)
                .fetch(AttendanceRepository::session);
    }

    /** Students actively enrolled now. */
    List<Attendee> activeStudents(UUID courseId) {
        return students(activeIn(courseId));
    }

    /** Students enrolled now and those who left but have attendance noted, whose history still counts. */
    List<Attendee> studentsWithHistory(UUID courseId) {
        return students(activeIn(courseId).or(exists(selectOne().from(ATTENDANCE)
                .where(ATTENDANCE.COURSE_ID.eq(courseId).and(ATTENDANCE.STUDENT_ID.eq(APP_USER.ID))))));
    }

    Attendee student(UUID studentId) {
        return students(APP_USER.ID.eq(studentId)).getFirst();
    }

    private List<Attendee> students(Condition condition) {
        return db.select(APP_USER.ID, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(condition)
                .orderBy(APP_USER.LAST_NAME, APP_USER.FIRST_NAME, APP_USER.EMAIL)
                .fetch(r -> new Attendee(r.get(APP_USER.ID), r.get(APP_USER.FIRST_NAME) + " " + r.get(APP_USER.LAST_NAME), r.get(APP_USER.EMAIL)));
    }

    private static Condition activeIn(UUID courseId) {
        return ActiveEnrolments.isActive(val(courseId), APP_USER.ID);
    }

    Map<UUID, AttendanceStatus> marksOfSession(UUID sessionId) {
        return db.select(ATTENDANCE.STUDENT_ID, AttendanceColumns.STATUS).from(ATTENDANCE).where(ATTENDANCE.SESSION_ID.eq(sessionId))
                .fetchMap(r -> r.get(ATTENDANCE.STUDENT_ID), r -> r.get(AttendanceColumns.STATUS));
    }

    /** Every mark of the course that row-level security shows (all of the tenant's, or a student's own). */
    Map<Mark, AttendanceStatus> marksOfCourse(UUID courseId, Set<UUID> studentIds) {
        return db.select(ATTENDANCE.STUDENT_ID, ATTENDANCE.SESSION_ID, AttendanceColumns.STATUS).from(ATTENDANCE)
                .where(ATTENDANCE.COURSE_ID.eq(courseId).and(ATTENDANCE.STUDENT_ID.in(studentIds)))
                .fetch().stream()
                .collect(Collectors.toMap(r -> new Mark(r.get(ATTENDANCE.STUDENT_ID), r.get(ATTENDANCE.SESSION_ID)),
                        r -> r.get(AttendanceColumns.STATUS)));
    }

    /** Notes the status, replacing an earlier one for the same session and student. */
    void upsert(UUID tenantId, CourseSession session, UUID studentId, AttendanceStatus status, UUID notedBy) {
        db.insertInto(ATTENDANCE)
                .set(ATTENDANCE.TENANT_ID, tenantId).set(ATTENDANCE.COURSE_ID, session.courseId()).set(ATTENDANCE.SESSION_ID, session.id())
                .set(ATTENDANCE.STUDENT_ID, studentId).set(AttendanceColumns.STATUS, status).set(ATTENDANCE.NOTED_BY, notedBy)
                .onConflict(ATTENDANCE.SESSION_ID, ATTENDANCE.STUDENT_ID).doUpdate()
                .set(AttendanceColumns.STATUS, status).set(ATTENDANCE.NOTED_BY, notedBy).set(ATTENDANCE.NOTED_AT, currentOffsetDateTime())
                .execute();
    }

    /** Notes the status unless the student has a mark for the session already; true when it was noted now. */
    boolean noteIfUnmarked(UUID tenantId, CourseSession session, UUID studentId, AttendanceStatus status) {
        return db.insertInto(ATTENDANCE)
                .set(ATTENDANCE.TENANT_ID, tenantId).set(ATTENDANCE.COURSE_ID, session.courseId()).set(ATTENDANCE.SESSION_ID, session.id())
                .set(ATTENDANCE.STUDENT_ID, studentId).set(AttendanceColumns.STATUS, status)
                .onConflict(ATTENDANCE.SESSION_ID, ATTENDANCE.STUDENT_ID).doNothing()
                .execute() == 1;
    }

    private static CourseSession session(Record r) {
        return new CourseSession(r.get(COURSE_ITEM.ID), r.get(COURSE_ITEM.COURSE_ID), r.get(COURSE_ITEM.TITLE),
                r.get(COURSE_ITEM.STARTS_AT).toInstant(), r.get(COURSE_ITEM.DURATION_MINUTES));
    }
}
