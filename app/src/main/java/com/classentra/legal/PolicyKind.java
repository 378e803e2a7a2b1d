package com.classentra.legal;

import com.classentra.platform.security.SignedInUser.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The documents people accept, where their text comes from (Markdown after an "Effective: YYYY-MM-DD" line, see
 * {@link PolicyDocuments.Document}), and who must accept them.
 */
public enum PolicyKind {
    TERMS("terms", "Terms of Service", "legal/terms-of-service.md", Set.of(Role.STUDENT, Role.TEACHER)),
    PRIVACY("privacy", "Privacy Policy", "legal/privacy-policy.md", Set.of(Role.STUDENT, Role.TEACHER)),
    INSTRUCTOR_AGREEMENT("instructor-agreement", "Instructor Agreement", "legal/instructor-agreement.md", Set.of(Role.TEACHER)),
    COMMUNITY_GUIDELINES("community-guidelines", "Community Guidelines", "legal/community-guidelines.md", Set.of(Role.STUDENT, Role.TEACHER));

    private final String slug;
    private final String title;
    private final String resource;
    private final Set<Role> requiredFor;

    PolicyKind(String slug, String title, String resource, Set<Role> requiredFor) {
        this.slug = slug;
        this.title = title;
        this.resource = resource;
        this.requiredFor = requiredFor;
    }

    /** URL name, as in /legal/privacy. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    String resource() {
        return resource;
    }

    public static Optional<PolicyKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The documents someone with these roles must have accepted. */
    public static List<PolicyKind> requiredFor(Set<Role> roles) {
        return Arrays.stream(values()).filter(k -> roles.stream().anyMatch(k.requiredFor::contains)).toList();
    }
}
