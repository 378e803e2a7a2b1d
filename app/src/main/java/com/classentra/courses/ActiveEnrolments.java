package com.classentra.courses;

import static com.classentra.db.jooq.Tables.ENROLMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * The one definition of "actively enrolled", for the queries of features that must filter or join on it (attendance,
 * calendar, dashboards, grading): they use these pieces instead of reading the enrolment table. Notifications cannot:
 * courses notifies through it, so it keeps its own read (ArchitectureTest lists it).
 */
public final class ActiveEnrolments {

    private static final Condition ACTIVE = CourseColumns.ENROLMENT_STATUS.eq(EnrolmentStatus.ACTIVE);

    private ActiveEnrolments() {
    }

    /** The student is actively enrolled in the course. */
    public static Condition isActive(Field<UUID> courseId, Field<UUID> studentId) {
        return exists(selectOne().from(ENROLMENT).where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.STUDENT_ID.eq(studentId),
                ACTIVE));
    }

    /** The ids of the course's active students. */
    public static Select<Record1<UUID>> studentsOf(Field<UUID> courseId) {
        return select(ENROLMENT.STUDENT_ID).from(ENROLMENT).where(ENROLMENT.COURSE_ID.eq(courseId), ACTIVE);
    }

    /** The ids of the courses the student is actively enrolled in. */
    public static Select<Record1<UUID>> coursesOf(UUID studentId) {
        return select(ENROLMENT.COURSE_ID).from(ENROLMENT).where(ENROLMENT.STUDENT_ID.eq(studentId), ACTIVE);
    }

    /** How many students are actively enrolled in the course, as a field of a larger query. */
    public static Field<Integer> countIn(Field<UUID> courseId) {
        return field(select(count()).from(ENROLMENT).where(ENROLMENT.COURSE_ID.eq(courseId), ACTIVE));
    }
}
