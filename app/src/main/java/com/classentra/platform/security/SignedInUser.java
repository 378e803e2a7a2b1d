package com.classentra.platform.security;

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
    private String passwordHash;

    public SignedInUser(UUID id, String email, String displayName, Set<Role> roles, UUID tenantId, String passwordHash) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.tenantId = tenantId;
        this.passwordHash = passwordHash;
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

    /** Roles of the platform; a user may hold several. */
    public enum Role {
        STUDENT, TEACHER, ADMIN;

        public static List<Role> parse(String[] names) {
            return names == null ? List.of() : java.util.Arrays.stream(names).map(Role::valueOf).toList();
        }
    }
}
