package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.ratelimit.SmallRateLimits;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.HttpBrowser;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * "Email me a sign-in link" over real HTTP, with limits small enough to reach: the link signs in while password
 * sign-in for the email is throttled from everywhere, once, before it expires, and only as sent.
 */
@SmallRateLimits
class SignInLinkTest {

    @Autowired
    Environment environment;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    SignInLinks links;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    SessionDirectory sessions;
    @Autowired
    ClassentraProperties properties;

    private HttpBrowser newBrowser() {
        return new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
    }

    private List<EmailOutboxRecord> linksSentTo(String email) {
        return platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.TO_ADDRESS.eq(email).and(EMAIL_OUTBOX.TEMPLATE.eq("sign-in-link")))
                .orderBy(EMAIL_OUTBOX.CREATED_AT.desc()).fetch());
    }

    /** Asks for a link and returns the token of the email it sent. */
    private String requestLink(String email) {
        links.request(email, Locale.ENGLISH, TestOrigins.fresh());
        String body = queuedEmails.text(linksSentTo(email).getFirst());
        Matcher link = Pattern.compile(Pattern.quote(properties.publicUrl() + "/login/link?token=") + "(\\S+)").matcher(body);
        assertThat(link.find()).as("the email carries a link to the sign-in page").isTrue();
        assertThat(body).contains("15 minutes");
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    /** Opens the page behind the link, then presses its button: the token and the page's CSRF token, posted. */
    private HttpResponse<String> useLink(HttpBrowser browser, String token) throws Exception {
        HttpResponse<String> page = browser.get("/login/link?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("_csrf", HttpBrowser.csrfToken(page));
        return browser.post("/login/link", form);
    }

    private void suspend(UUID accountId) {
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.STATUS, "SUSPENDED").where(APP_USER.ID.eq(accountId)).execute());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void whilePasswordSignInIsThrottledForTheEmailEverywhereASignInLinkStillSignsTheOwnerIn() throws Exception {
        Account owner = testAccounts.create(Role.STUDENT);
        // 6 failures per hour from anywhere (SmallRateLimits); 2 per address stays under the per-address limits.
        for (int address = 0; address < 3; address++) {
            HttpBrowser guesser = newBrowser();
            for (int i = 0; i < 2; i++) {
                assertThat(location(guesser.signIn(owner.email(), "guess " + address + "-" + i))).contains("/login?error");
            }
        }

        HttpBrowser browser = newBrowser();
        HttpResponse<String> refused = browser.signIn(owner.email(), owner.password());
        assertThat(refused.statusCode()).as("even the right password, from a fresh address").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Email me a sign-in link");

        String token = requestLink(owner.email());
        browser.get("/login/link?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(browser.signedIn()).as("opening the link signs nobody in").isFalse();
        assertThat(links.check(token).status()).as("nor uses it up").isEqualTo(LinkStatus.VALID);
        String anonymousSession = browser.sessionId();

        assertThat(location(useLink(browser, token))).doesNotContain("sign-in-link").doesNotContain("error");

        assertThat(browser.sessionId()).as("a new session id").isNotNull().isNotEqualTo(anonymousSession);
        assertThat(browser.signedIn()).isTrue();
        assertThat(sessions.sessionsOf(owner.id())).as("registered like a password sign-in").singleElement()
                .satisfies(session -> assertThat(session.device()).isEqualTo("Firefox on Linux"));

        HttpResponse<String> signOut = browser.post("/logout", Map.of("_csrf", HttpBrowser.csrfToken(browser.get("/settings"))));
        assertThat(location(signOut)).endsWith("/login?signed-out");
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void aLinkWorksOnceAndOnlyWithThePagesCsrfToken() throws Exception {
        Account owner = testAccounts.create(Role.TEACHER);
        String token = requestLink(owner.email());

        HttpBrowser forged = newBrowser();
        assertThat(forged.post("/login/link", Map.of("token", token)).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(forged.signedIn()).isFalse();
        assertThat(links.check(token).status()).isEqualTo(LinkStatus.VALID);

        HttpBrowser first = newBrowser();
        assertThat(location(useLink(first, token))).doesNotContain("sign-in-link");
        assertThat(first.signedIn()).isTrue();

        HttpBrowser second = newBrowser();
        assertThat(links.check(token).status()).isEqualTo(LinkStatus.USED);
        assertThat(location(useLink(second, token))).endsWith("/sign-in-link?link-failed");
        assertThat(second.signedIn()).isFalse();
    }

    @Test
    void anExpiredOrTamperedLinkSignsNobodyIn() throws Exception {
        Account owner = testAccounts.create(Role.STUDENT);
        String token = requestLink(owner.email());
        String[] parts = token.split("\\.");
        String longerLife = String.join(".", parts[0], parts[1], String.valueOf(Long.parseLong(parts[2]) + 86_400), parts[3]);
        String otherToken = String.join(".", parts[0], UUID.randomUUID().toString(), parts[2], parts[3]);
        char[] signature = parts[3].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        String otherSignature = String.join(".", parts[0], parts[1], parts[2], new String(signature));

        for (String forged : List.of(longerLife, otherToken, otherSignature, "SIGN_IN.garbage")) {
            assertThat(links.check(forged).status()).as(forged).isEqualTo(LinkStatus.INVALID);
            HttpBrowser browser = newBrowser();
            assertThat(location(useLink(browser, forged))).endsWith("/sign-in-link?link-failed");
            assertThat(browser.signedIn()).isFalse();
        }

        platform.call(sql -> sql.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(ACCOUNT_TOKEN.USER_ID.eq(owner.id())).execute());
        assertThat(links.check(token).status()).isEqualTo(LinkStatus.EXPIRED);
        HttpBrowser late = newBrowser();
        assertThat(location(useLink(late, token))).endsWith("/sign-in-link?link-failed");
        assertThat(late.signedIn()).isFalse();
    }

    @Test
    void unknownAndSuspendedAccountsGetTheSameAnswerAndNoEmailAndAMailboxIsNotFlooded() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        links.request(unknown, Locale.ENGLISH, TestOrigins.fresh());
        links.request("not an address", Locale.ENGLISH, TestOrigins.fresh());
        assertThat(linksSentTo(unknown)).isEmpty();

        Account suspended = testAccounts.create(Role.STUDENT);
        suspend(suspended.id());
        links.request(suspended.email(), Locale.ENGLISH, TestOrigins.fresh());
        assertThat(linksSentTo(suspended.email())).isEmpty();

        // 5 emails per hour for one address, whoever asks; the sixth request is answered alike and sends nothing.
        Account owner = testAccounts.create(Role.STUDENT);
        for (int i = 0; i < 6; i++) {
            links.request(owner.email().toUpperCase(Locale.ROOT), Locale.ENGLISH, TestOrigins.fresh());
        }
        assertThat(linksSentTo(owner.email())).hasSize(5);
    }

    @Test
    void springsOwnGeneratingEndpointIssuesNothing() throws Exception {
        Account owner = testAccounts.create(Role.STUDENT);
        HttpBrowser browser = newBrowser();
        String csrf = HttpBrowser.csrfToken(browser.get("/sign-in-link"));

        for (String username : List.of(owner.email(), owner.id().toString())) {
            HttpResponse<String> generate = browser.post("/ott/generate", Map.of("username", username, "_csrf", csrf));
            assertThat(generate.statusCode()).as(username).isBetween(300, 499);
        }
        assertThat(platform.count(ACCOUNT_TOKEN, ACCOUNT_TOKEN.USER_ID.eq(owner.id()))).isZero();
        assertThat(linksSentTo(owner.email())).isEmpty();
    }

    @Test
    void aLinkIssuedBeforeASuspensionSignsNobodyIn() throws Exception {
        Account owner = testAccounts.create(Role.STUDENT);
        String token = requestLink(owner.email());
        suspend(owner.id());

        HttpBrowser browser = newBrowser();
        assertThat(location(useLink(browser, token))).endsWith("/sign-in-link?link-failed");
        assertThat(browser.signedIn()).isFalse();
    }

    @Test
    void manyRequestsFromOneAddressAreRefusedWithTheWait() {
        RequestOrigin origin = TestOrigins.fresh();
        for (int i = 0; i < 20; i++) {
            links.request("someone-" + i + "@example.com", Locale.ENGLISH, origin);
        }
        assertThatThrownBy(() -> links.request("someone@example.com", Locale.ENGLISH, origin))
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> assertThat(refused.tryAgainLater()).startsWith("Please try again in"));
    }
}
