package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.platform.db.EnumColumn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** jOOQ queries on courses and enrolments; row-level security decides which rows each caller reaches. */
@Repository
class CourseRepository {

    private final DSLContext db;

    CourseRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID id, UUID tenantId, CourseForm form, String descriptionHtml, String joinCode, UUID createdBy) {
        db.insertInto(COURSE)
                .set(COURSE.ID, id).set(COURSE.TENANT_ID, tenantId).set(COURSE.TITLE, form.title().strip())
                .set(COURSE.DESCRIPTION_HTML, descriptionHtml).set(COURSE.STARTS_ON, form.startsOn()).set(COURSE.ENDS_ON, form.endsOn())
                .set(CourseColumns.VISIBILITY, form.visibility()).set(COURSE.JOIN_CODE, joinCode).set(COURSE.CREATED_BY, createdBy)
                .execute();
    }

    boolean update(UUID id, CourseForm form, String descriptionHtml) {
        return db.update(COURSE)
                .set(COURSE.TITLE, form.title().strip()).set(COURSE.DESCRIPTION_HTML, descriptionHtml)
                .set(COURSE.STARTS_ON, form.startsOn()).set(COURSE.ENDS_ON, form.endsOn())
                .set(CourseColumns.VISIBILITY, form.visibility()).set(COURSE.UPDATED_AT, currentOffsetDateTime())
                .where(COURSE.ID.eq(id))
                .execute() == 1;
    }

    boolean setArchived(UUID id, boolean archived) {
        return db.update(COURSE)
                .set(COURSE.ARCHIVED_AT, archived ? currentOffsetDateTime() : null)
                .set(COURSE.UPDATED_AT, currentOffsetDateTime())
                .where(COURSE.ID.eq(id))
                .execute() == 1;
    }

    /** Deleting a course removes its enrolments (and, as they arrive, its items, files and messages) by cascade. */
    boolean delete(UUID id) {
        return db.deleteFrom(COURSE).where(COURSE.ID.eq(id)).execute() == 1;
    }

    /** The visible courses with their active student counts, in one statement. */
    List<CourseSummary> visibleCourses(boolean includeArchived) {
        return courses(includeArchived ? org.jooq.impl.DSL.noCondition() : COURSE.ARCHIVED_AT.isNull());
    }

    Optional<CourseSummary> find(UUID id) {
        return courses(COURSE.ID.eq(id)).stream().findFirst();
    }

    private List<CourseSummary> courses(Condition condition) {
        var students = db.select(ENROLMENT.COURSE_ID, count().as("students")).from(ENROLMENT)
                .where(CourseColumns.ENROLMENT_STATUS.eq(EnrolmentStatus.ACTIVE)).groupBy(ENROLMENT.COURSE_ID).asTable("students");
        return db.select(COURSE.asterisk(), students.field("students", Integer.class))
                .from(COURSE)
                .leftJoin(students).on(students.field(ENROLMENT.COURSE_ID).eq(COURSE.ID))
                .where(condition)
                .orderBy(COURSE.ARCHIVED_AT.asc().nullsFirst(), COURSE.STARTS_ON.asc().nullsLast(), COURSE.TITLE)
                .fetch(r -> summary(r, r.get("students", Integer.class)));
    }

    /** What a join link leads to, through the narrow SECURITY DEFINER lookup; empty for an unknown code. */
    Optional<JoinPreview> joinPreview(String code) {
        return db.fetchOptional("select * from join_code_preview(?)", code)
                .map(r -> new JoinPreview(r.get("course_id", UUID.class), r.get("title", String.class),
                        r.get("teacher_name", String.class), r.get("archived", Boolean.class), Optional.ofNullable(r.get("enrolment_status", String.class)).map(EnrolmentStatus::valueOf).orElse(null)));
    }

    /** @param enrolmentStatus the caller's enrolment in the course, null when they never joined it */
    record JoinPreview(UUID courseId, String title, String teacherName, boolean archived, EnrolmentStatus enrolmentStatus) {
    }

    boolean replaceJoinCode(UUID courseId, String code) {
        return db.update(COURSE).set(COURSE.JOIN_CODE, code).set(COURSE.UPDATED_AT, currentOffsetDateTime())
                .where(COURSE.ID.eq(courseId)).execute() == 1;
    }

    /** Whether any course, in any workspace, has this join code (through the narrow SECURITY DEFINER lookup). */
    boolean joinCodeTaken(String code) {
        return db.fetchExists(db.selectOne().from("course_for_join_code(?)", code));
    }

    /**
     * Joins the signed-in student to the course with this code, through the SECURITY DEFINER function that is a
     * student's only way to write an enrolment: it checks the code, the archive state and a removal by the teacher.
     */
    JoinAttempt joinByCode(String code) {
        return db.fetchSingle("select * from join_course_by_code(?)", code)
                .map(r -> new JoinAttempt(r.get("outcome", String.class), r.get("course_id", UUID.class),
                        r.get("tenant_id", UUID.class), r.get("title", String.class)));
    }

    record JoinAttempt(String outcome, UUID courseId, UUID tenantId, String title) {
    }

    /** The course's active students and when they joined, earliest first. */
    Map<UUID, OffsetDateTime> activeStudents(UUID courseId) {
        return db.select(ENROLMENT.STUDENT_ID, ENROLMENT.JOINED_AT).from(ENROLMENT)
                .where(ENROLMENT.COURSE_ID.eq(courseId), CourseColumns.ENROLMENT_STATUS.eq(EnrolmentStatus.ACTIVE))
                .orderBy(ENROLMENT.JOINED_AT)
                .fetchMap(ENROLMENT.STUDENT_ID, ENROLMENT.JOINED_AT);
    }

    Optional<UUID> tenantOf(UUID courseId) {
        return db.select(COURSE.TENANT_ID).from(COURSE).where(COURSE.ID.eq(courseId)).fetchOptional(COURSE.TENANT_ID);
    }

    boolean endEnrolment(UUID courseId, UUID studentId, EnrolmentStatus status) {
        return db.update(ENROLMENT).set(CourseColumns.ENROLMENT_STATUS, status).set(ENROLMENT.UPDATED_AT, currentOffsetDateTime())
                .where(ENROLMENT.COURSE_ID.eq(courseId).and(ENROLMENT.STUDENT_ID.eq(studentId)).and(CourseColumns.ENROLMENT_STATUS.eq(EnrolmentStatus.ACTIVE)))
                .execute() == 1;
    }

    private static CourseSummary summary(Record r, Integer students) {
        return new CourseSummary(r.get(COURSE.ID), r.get(COURSE.TITLE), r.get(COURSE.DESCRIPTION_HTML), r.get(COURSE.STARTS_ON),
                r.get(COURSE.ENDS_ON), EnumColumn.get(r, CourseColumns.VISIBILITY), r.get(COURSE.JOIN_CODE),
                r.get(COURSE.ARCHIVED_AT) != null, students == null ? 0 : students);
    }
}
