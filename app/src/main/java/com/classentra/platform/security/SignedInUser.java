package com.classentra.platform.security;

import com.classentra.platform.db.DbScope;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in person: their id, name, roles and the workspace (tenant) they act in.
 * The password hash is erased after sign-in.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final UUID tenantId;
    private final Onboarding onboarding;
    private String passwordHash;

    public SignedInUser(UUID id, String email, String displayName, Set<Role> roles, UUID tenantId, String passwordHash) {
        this(id, email, displayName, roles, tenantId, passwordHash, Onboarding.COMPLETE);
    }

    public SignedInUser(UUID id, String email, String displayName, Set<Role> roles, UUID tenantId, String passwordHash,
            Onboarding onboarding) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.tenantId = tenantId;
        this.passwordHash = passwordHash;
        this.onboarding = onboarding;
    }

    /** What this person still has to do before using the product, as known at sign-in and updated as they do it. */
    public Onboarding onboarding() {
        return onboarding;
    }

    public SignedInUser with(Onboarding updated) {
        return new SignedInUser(id, email, displayName, roles, tenantId, null, updated);
    }

    /** The same person under the name they just saved in their profile. */
    public SignedInUser withDisplayName(String name) {
        return new SignedInUser(id, email, name, roles, tenantId, null, onboarding);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The tenant this user acts in (their own workspace for a teacher); null for students and operators. */
    /** A teacher acting in their own workspace, as opposed to a student or a teacher who has none yet. */
    public boolean teachesInWorkspace() {
        return has(Role.TEACHER) && tenantId != null;
    }

    /** The database scope of this person's own work: their workspace when they teach in one, else themselves. */
    public DbScope dbScope() {
        return teachesInWorkspace() ? DbScope.tenant(tenantId, id) : DbScope.user(id);
    }

    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** One principal per account, so the session registry finds every session of a person. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && java.util.Objects.equals(id, user.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    /**
     * Steps between signing in and the dashboard.
     *
     * @param emailVerified   false until the verification link was opened
     * @param pendingPolicies legal documents whose current version the person has not accepted
     * @param surveyPending   the onboarding survey has been neither answered nor skipped
     */
    public record Onboarding(boolean emailVerified, Set<String> pendingPolicies, boolean surveyPending) implements java.io.Serializable {

        public static final Onboarding COMPLETE = new Onboarding(true, Set.of(), false);

        public Onboarding {
            pendingPolicies = Set.copyOf(pendingPolicies);
        }

        public boolean complete() {
            return emailVerified && pendingPolicies.isEmpty() && !surveyPending;
        }
    }

    /** Roles of the platform; a user may hold several. */
    public enum Role {
        STUDENT, TEACHER, ADMIN;

        public static List<Role> parse(String[] names) {
            return names == null ? List.of() : java.util.Arrays.stream(names).map(Role::valueOf).toList();
        }
    }
}
