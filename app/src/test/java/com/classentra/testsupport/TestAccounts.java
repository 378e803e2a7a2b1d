package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyKind;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates accounts that can sign in, each with a new email address, so tests sharing a context never collide. */
@Component
public class TestAccounts {

    /** What a person types into the sign-in form. */
    public record Account(UUID id, String email, String password) {
    }

    private final PlatformSql platform;
    private final PasswordEncoder passwordEncoder;
    private final PolicyDocuments policies;

    TestAccounts(PlatformSql platform, PasswordEncoder passwordEncoder, PolicyDocuments policies) {
        this.platform = platform;
        this.passwordEncoder = passwordEncoder;
        this.policies = policies;
    }

    /** Marks an account made through sign-up as onboarded (verified, documents accepted, survey skipped). */
    public void completeOnboarding(String email) {
        UUID id = platform.value(APP_USER.ID, APP_USER.EMAIL.eq(email));
        String[] roles = platform.value(APP_USER.ROLES, APP_USER.ID.eq(id));
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.EMAIL_VERIFIED, true).set(APP_USER.ONBOARDING_DONE_AT, OffsetDateTime.now())
                .where(APP_USER.ID.eq(id)).execute());
        platform.call(sql -> {
            policies.accept(id, PolicyKind.requiredFor(Arrays.stream(roles).map(Role::valueOf).collect(java.util.stream.Collectors.toSet())));
            return null;
        });
    }

    /** The principal a sign-in of this account would have, with its first workspace. */
    public SignedInUser principal(String email) {
        var user = platform.call(sql -> sql.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchSingle());
        UUID tenant = platform.call(sql -> sql.select(TENANT_MEMBER.TENANT_ID).from(TENANT_MEMBER).where(TENANT_MEMBER.USER_ID.eq(user.getId()))
                .fetchOptional(TENANT_MEMBER.TENANT_ID).orElse(null));
        return new SignedInUser(user.getId(), email, user.getFirstName() + " " + user.getLastName(),
                Arrays.stream(user.getRoles()).map(Role::valueOf).collect(java.util.stream.Collectors.toSet()), tenant, null);
    }

    /**
     * A fully onboarded account (email verified, current documents accepted, survey answered) with a
     * password, named "Test Person", with these roles and no workspace.
     */
    public Account create(Role... roles) {
        String email = "person-" + UUID.randomUUID() + "@example.com";
        String password = "a long test password " + UUID.randomUUID();
        String hash = passwordEncoder.encode(password);
        UUID id = platform.call(sql -> sql.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.FIRST_NAME, "Test")
                .set(APP_USER.LAST_NAME, "Person")
                .set(APP_USER.ROLES, Arrays.stream(roles).map(Role::name).toArray(String[]::new))
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.EMAIL_VERIFIED, true)
                .set(APP_USER.ONBOARDING_DONE_AT, OffsetDateTime.now())
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID));
        platform.call(sql -> {
            policies.accept(id, PolicyKind.requiredFor(Set.of(roles)));
            return null;
        });
        return new Account(id, email, password);
    }
}
