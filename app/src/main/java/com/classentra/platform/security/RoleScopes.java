package com.classentra.platform.security;

import com.classentra.platform.db.DbScope;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The role check and database scope of a feature call made for a signed-in person. A teacher works inside their
 * workspace (tenant and user set); anyone else as themselves (user only), so row-level security shows a student just
 * the courses, items, submissions and grades that are theirs to see.
 */
@Component
public class RoleScopes {

    private final ScopedTransactions scoped;

    RoleScopes(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /** Work that only a teacher of the workspace may do; anyone else is refused before any query. */
    public <T> T asTeacher(SignedInUser teacher, Supplier<T> work) {
        if (!teacher.teachesInWorkspace()) {
            throw new AccessDeniedException("Only teachers of a workspace manage its courses");
        }
        return scoped.in(DbScope.tenant(teacher.tenantId(), teacher.id()), work);
    }

    /** Work done as the signed-in person, teacher or student, with what row-level security lets them see. */
    public <T> T asMember(SignedInUser user, Supplier<T> work) {
        return scoped.in(user.dbScope(), work);
    }

    /** Work done as a student, who only acts on their own enrolments and submissions. */
    public <T> T asStudent(SignedInUser student, Supplier<T> work) {
        if (!student.has(Role.STUDENT)) {
            throw new AccessDeniedException("Only students do this");
        }
        return scoped.asUser(student.id(), work);
    }
}
