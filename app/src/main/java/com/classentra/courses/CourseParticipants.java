package com.classentra.courses;

import static com.classentra.db.jooq.Tables.COURSE;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Who takes part in a course, for features that work between its people (messaging): its workspace's teachers and its
 * active students. A student cannot see the other students' enrolments, so the question is answered in the platform
 * scope, and only about a course the asker takes part in.
 */
@Service
public class CourseParticipants {

    private final DSLContext db;
    private final RoleScopes scopes;
    private final PlatformScope platformScope;

    CourseParticipants(DSLContext db, RoleScopes scopes, PlatformScope platformScope) {
        this.db = db;
        this.scopes = scopes;
        this.platformScope = platformScope;
    }

    /** A course as another feature needs it: its workspace, and whether it is archived (read-only). */
    public record CoursePlace(UUID courseId, UUID tenantId, boolean archived, boolean teaching) {
    }

    /** The course, when the person takes part in it (teaches in its workspace or is an active student); empty otherwise. */
    public Optional<CoursePlace> place(SignedInUser user, UUID courseId) {
        return scopes.asMember(user, () -> db.select(COURSE.ID, COURSE.TENANT_ID, COURSE.ARCHIVED_AT.isNotNull()).from(COURSE)
                .where(COURSE.ID.eq(courseId)).fetchOptional(r -> new CoursePlace(r.value1(), r.value2(), r.value3(),
                        user.teachesInWorkspace() && r.value2().equals(user.tenantId()))));
    }

    /** Whether {@code personId} teaches in the course's workspace or is one of its active students, as {@code asker} (who takes part) asks. */
    public boolean takesPart(SignedInUser asker, CoursePlace course, UUID personId) {
        return teaches(asker, course, personId) || platformScope.inTransaction(null, "check who takes part in a course",
                () -> db.fetchExists(DSL.selectOne().where(ActiveEnrolments.isActive(DSL.val(course.courseId()), DSL.val(personId)))));
    }

    /** Whether {@code personId} teaches in the course's workspace; the course's teachers are known to everyone of the course. */
    public boolean teaches(SignedInUser asker, CoursePlace course, UUID personId) {
        return scopes.asMember(asker, () -> db.fetchExists(DSL.selectOne()
                .from(table("course_teacher_ids({0}, {1})", val(course.courseId()), val(course.tenantId())).as("teachers", "teacher_id"))
                .where(DSL.field(DSL.name("teachers", "teacher_id"), UUID.class).eq(personId))));
    }

    /** The course's teachers (its workspace's teaching members), as {@code asker}, who takes part, asks. */
    public java.util.Set<UUID> teachers(SignedInUser asker, CoursePlace course) {
        return new java.util.LinkedHashSet<>(scopes.asMember(asker, () -> db.select(DSL.field(DSL.name("teachers", "teacher_id"), UUID.class))
                .from(table("course_teacher_ids({0}, {1})", val(course.courseId()), val(course.tenantId())).as("teachers", "teacher_id"))
                .fetch(0, UUID.class)));
    }

    /**
     * Everyone who takes part in the course (its workspace's teachers and active students), as {@code asker}, who takes
     * part, asks: whom a message in the course's own channel can mention. Call outside any scope of one's own.
     */
    public java.util.Set<UUID> everyone(SignedInUser asker, CoursePlace course) {
        java.util.Set<UUID> people = new java.util.LinkedHashSet<>(teachers(asker, course));
        people.addAll(platformScope.inTransaction(null, "list who takes part in a course",
                () -> db.fetch(ActiveEnrolments.studentsOf(DSL.val(course.courseId()))).getValues(0, UUID.class)));
        return people;
    }
}
