package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.ENROLMENT;

import com.classentra.accounts.People;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.privacy.Erasure;
import com.classentra.platform.privacy.ErasureStep;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An account deletion's step, before the teacher's personal workspace goes: every student still in one of its courses
 * is told by email that the course is closing, since the course, and their work in it, go with the teacher's account
 * (privacy policy, "Course content"). A course of an organization workspace stays and needs no notice.
 */
@Component
@Order(10)
class CourseClosingNotices implements ErasureStep {

    private final DSLContext db;
    private final People people;
    private final EmailOutbox outbox;

    CourseClosingNotices(DSLContext db, People people, EmailOutbox outbox) {
        this.db = db;
        this.people = people;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "course-closing-notices";
    }

    @Override
    public int erase(Erasure erasure) {
        if (erasure.personalWorkspaces().isEmpty()) {
            return 0;
        }
        int told = 0;
        for (Record2<UUID, String> enrolled : db.select(ENROLMENT.STUDENT_ID, COURSE.TITLE).from(ENROLMENT).join(COURSE).on(COURSE.ID.eq(ENROLMENT.COURSE_ID))
                .where(COURSE.TENANT_ID.in(erasure.personalWorkspaces()), COURSE.ARCHIVED_AT.isNull(), CourseColumns.ENROLMENT_STATUS.eq(EnrolmentStatus.ACTIVE))
                .fetch()) {
            People.Person student = people.visible(java.util.Set.of(enrolled.value1())).get(enrolled.value1());
            if (student != null) {
                outbox.enqueue(new EmailRequest(null, student.id(), student.email(), student.name(), "course-closing", null,
                        Map.of("firstName", student.firstName(), "courseTitle", enrolled.value2())));
                told++;
            }
        }
        return told;
    }
}
