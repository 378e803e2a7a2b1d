package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.APP_USER;

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
