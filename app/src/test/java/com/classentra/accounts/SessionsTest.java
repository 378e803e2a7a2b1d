package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.HttpBrowser;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import java.net.http.HttpResponse;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.test.context.support.WithMockUser;

/** Server-side sessions over real HTTP: new id at sign-in, the list of sessions, signing out everywhere, suspension. */
@ClassentraTest
class SessionsTest {

    @Autowired
    Environment environment;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    SessionDirectory sessions;
    @Autowired
    AccountAdministration administration;
    @Autowired
    PlatformSql platform;

    /** A browser of its own, from an address of its own. */
    private HttpBrowser newBrowser() {
        return new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
    }

    @Test
    void signingInChangesTheSessionIdAndListsTheDevice() throws Exception {
        Account teacher = testAccounts.create(Role.TEACHER);
        HttpBrowser browser = newBrowser();
        browser.get("/login");
        String anonymous = browser.sessionId();

        HttpResponse<String> signIn = browser.signIn(teacher.email(), teacher.password());

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(anonymous);
        assertThat(browser.signedIn()).isTrue();
        assertThat(sessions.sessionsOf(teacher.id())).singleElement()
                .satisfies(s -> assertThat(s.device()).isEqualTo("Firefox on Linux"));
    }

    @Test
    void aWeakerStoredHashIsReplacedAtTheNextSignInWithOwaspsArgon2Parameters() throws Exception {
        Account teacher = testAccounts.create(Role.TEACHER);
        String weaker = "{argon2}" + org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .encode(teacher.password());
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.PASSWORD_HASH, weaker).where(APP_USER.ID.eq(teacher.id())).execute());

        HttpBrowser browser = newBrowser();
        browser.signIn(teacher.email(), teacher.password());
        assertThat(browser.signedIn()).isTrue();

        String stored = platform.value(APP_USER.PASSWORD_HASH, APP_USER.ID.eq(teacher.id()));
        assertThat(stored).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(weaker);
        HttpBrowser again = newBrowser();
        again.signIn(teacher.email(), teacher.password());
        assertThat(again.signedIn()).as("the new hash checks the same password").isTrue();
        assertThat(platform.value(APP_USER.PASSWORD_HASH, APP_USER.ID.eq(teacher.id()))).as("not rehashed twice").isEqualTo(stored);
    }

    @Test
    void signingOutEverywhereEndsEverySession() throws Exception {
        Account student = testAccounts.create(Role.STUDENT);
        HttpBrowser laptop = newBrowser();
        HttpBrowser phone = newBrowser();
        laptop.signIn(student.email(), student.password());
        phone.signIn(student.email(), student.password());
        assertThat(sessions.sessionsOf(student.id())).hasSize(2);

        assertThat(sessions.endSessions(student.id(), null)).isEqualTo(2);

        assertThat(laptop.signedIn()).isFalse();
        assertThat(phone.signedIn()).isFalse();
        HttpBrowser later = newBrowser();
        later.signIn(student.email(), student.password());
        assertThat(later.signedIn()).as("signing in again works").isTrue();
    }

    @Test
    void aRevocationWrittenByAnotherNodeEndsTheSessionHereAtItsNextRequest() throws Exception {
        revocationWrittenElsewhereEndsTheSession();
    }

    /**
     * Every application context Vaadin starts installs its SecurityContextHolderStrategy JVM-wide (a second node in the
     * same JVM does): the revocation check must not depend on which one is installed.
     */
    @Test
    void aRevocationIsHonouredWhicheverSecurityContextStrategyTheJvmHas() throws Exception {
        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
        try {
            assertThat(newBrowser().signedIn()).as("a visitor is not signed in").isFalse();
            revocationWrittenElsewhereEndsTheSession();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
    }

    private void revocationWrittenElsewhereEndsTheSession() throws Exception {
        Account teacher = testAccounts.create(Role.TEACHER);
        HttpBrowser browser = newBrowser();
        browser.signIn(teacher.email(), teacher.password());
        assertThat(browser.signedIn()).isTrue();

        // What another node does when the person signs out everywhere there: only the shared table changes.
        platform.call(sql -> sql.insertInto(SESSION_REVOCATION).set(SESSION_REVOCATION.USER_ID, teacher.id())
                .set(SESSION_REVOCATION.REVOKED_BEFORE, java.time.OffsetDateTime.now()).execute());

        // Past the node's recheck of the shared table (2 s), the very next request finds the session void.
        Thread.sleep(2_500);
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aSuspendedAccountLosesItsSessionsAtOnceAndCannotSignIn() throws Exception {
        Account teacher = testAccounts.create(Role.TEACHER);
        HttpBrowser browser = newBrowser();
        browser.signIn(teacher.email(), teacher.password());
        assertThat(browser.signedIn()).isTrue();

        assertThat(administration.suspend(teacher.id(), null, "spam")).isEqualTo(1);

        assertThat(browser.signedIn()).isFalse();
        HttpResponse<String> again = newBrowser().signIn(teacher.email(), teacher.password());
        assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/login?error");

        administration.reinstate(teacher.id(), null);
        assertThat(newBrowser().signIn(teacher.email(), teacher.password()).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    @WithMockUser(roles = "TEACHER")
    void onlyAdministratorsSuspendAccounts() {
        Account other = testAccounts.create(Role.STUDENT);
        assertThatThrownBy(() -> administration.suspend(other.id(), null, "no"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
