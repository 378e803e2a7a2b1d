package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.ClassentraTest;
import java.util.Map;
import com.classentra.testsupport.PlatformSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** Runs in a context of its own: it needs a database that has no administrator yet. */
@ClassentraTest
@TestPropertySource(properties = "classentra.test.context=first-run")
class FirstRunSetupTest {

    @Autowired
    FirstRunSetup setup;
    @Autowired
    PlatformSql platform;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void theSetupLinkCreatesOneAdministratorOnceAndOnlyOnce() {
        String link = setup.setupLink();
        assertThat(link).isNotNull().contains("/setup?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        assertThat(platform.count(APP_USER, org.jooq.impl.DSL.noCondition())).isZero();

        assertThat(setup.accepts("forged-" + token)).isFalse();
        assertThat(setup.createAdministrator("forged", "Ada", "Admin", "ada@example.com", "correct horse battery"))
                .containsKey("token");

        assertThat(setup.createAdministrator(token, " ", "Admin", "not-an-email", "short"))
                .containsOnlyKeys("firstName", "email", "password");
        assertThat(platform.count(APP_USER, org.jooq.impl.DSL.noCondition())).isZero();

        assertThat(setup.createAdministrator(token, "Ada", "Admin", "Ada@Example.com", "correct horse battery")).isEmpty();
        var admin = platform.call(sql -> sql.selectFrom(APP_USER).fetchSingle());
        assertThat(admin.getRoles()).containsExactly("ADMIN");
        assertThat(admin.getPasswordHash()).startsWith("{argon2}").doesNotContain("correct horse battery");
        assertThat(passwordEncoder.matches("correct horse battery", admin.getPasswordHash())).isTrue();
        assertThat(admin.getEmailVerified()).isTrue();

        assertThat(setup.accepts(token)).isFalse();
        assertThat(setup.setupLink()).isNull();
        assertThat(setup.createAdministrator(token, "Eve", "Late", "eve@example.com", "another long password"))
                .isEqualTo(Map.of("token", "This setup link has already been used or is no longer valid."));
        assertThat(platform.count(APP_USER, org.jooq.impl.DSL.noCondition())).isEqualTo(1);
    }
}
