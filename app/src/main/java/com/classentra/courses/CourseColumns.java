package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.ENROLMENT;

import com.classentra.courses.CourseForm.Visibility;
import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The course and enrolment columns that hold one of this feature's enums, typed; the text columns are not used elsewhere. */
final class CourseColumns {

    static final Field<Visibility> VISIBILITY = EnumColumn.of(COURSE.VISIBILITY, Visibility.class);
    static final Field<EnrolmentStatus> ENROLMENT_STATUS = EnumColumn.of(ENROLMENT.STATUS, EnrolmentStatus.class);

    private CourseColumns() {
    }
}
