package com.classentra.platform.ratelimit;

import static com.classentra.db.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.PlatformSql;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The limits at the door, over real HTTP; each test is its own client address behind the trusted local proxy. */
@SmallRateLimits
class RateLimitFilterTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Environment environment;
    @Autowired
    PlatformSql platform;
    @Autowired
    PasswordEncoder passwordEncoder;

    /** Each address is used by one test only, so no test uses up another's bucket. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static String newAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    private HttpRequest.Builder request(String path, String fromAddress) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("X-Forwarded-For", fromAddress);
    }

    private HttpResponse<String> signIn(String fromAddress, String email, String password, String... cookie) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = request("/login", fromAddress).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie.length > 0) {
            request.header("Cookie", cookie[0]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String fromAddress, String... cookie) throws Exception {
        HttpRequest.Builder request = request(path, fromAddress);
        if (cookie.length > 0) {
            request.header("Cookie", cookie[0]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, long maxSeconds) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, maxSeconds);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).startsWith("Too many requests.").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aFloodOfSignInsFromOneAddressGets429WithRetryAfter() throws Exception {
        String flooder = newAddress();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = signIn(flooder, "guess" + i + "@example.com", "wrong password " + i);
            assertThat(failed.statusCode()).as("attempt %d", i + 1).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
        // 5 per minute: the next attempt is allowed within 12 seconds.
        assertRefused(signIn(flooder, "guess@example.com", "wrong password"), 12);
        assertThat(signIn("198.51.100.9", "guess@example.com", "wrong password").statusCode()).as("another address").isEqualTo(302);
    }

    @Test
    void failedSignInsThrottleThatEmailFromThatAddressWithoutLockingTheOwnerOut() throws Exception {
        String target = "nobody-" + UUID.randomUUID() + "@example.com";
        String guesser = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(guesser, target, "guess " + i).statusCode()).isEqualTo(302);
        }
        // 3 failures per 10 minutes: that address may try this email again within 200 seconds, in any case.
        assertRefused(signIn(guesser, target.toUpperCase(), "another guess"), 200);
        assertThat(signIn(guesser, "someone-else-" + UUID.randomUUID() + "@example.com", "guess").statusCode()).isEqualTo(302);
        // The owner, signing in from somewhere else, is not locked out by someone else's failures.
        assertThat(signIn(newAddress(), target, "the right one at last").statusCode()).isEqualTo(302);
    }

    @Test
    void failedSignInsSpreadOverManyAddressesThrottleThatEmailEverywhere() throws Exception {
        String target = "spread-" + UUID.randomUUID() + "@example.com";
        // 6 failures per hour from anywhere; 2 per address stays under the per-address limits.
        for (int address = 0; address < 3; address++) {
            String guesser = newAddress();
            for (int i = 0; i < 2; i++) {
                assertThat(signIn(guesser, target, "guess " + address + "-" + i).statusCode()).isEqualTo(302);
            }
        }
        // A token comes back every 10 minutes: the wait is at most that.
        assertRefused(signIn(newAddress(), " " + target.toUpperCase() + " ", "the right one at last"), 600);
        assertThat(signIn(newAddress(), "someone-else-" + UUID.randomUUID() + "@example.com", "guess").statusCode())
                .as("other emails are not affected").isEqualTo(302);
    }

    @Test
    void aBrowserIsRefusedWithAPageOfTheApplicationThatSaysWhenToTryAgain() throws Exception {
        String target = "page-" + UUID.randomUUID() + "@example.com";
        String guesser = newAddress();
        for (int i = 0; i < 3; i++) {
            signIn(guesser, target, "guess " + i);
        }
        String form = "username=" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&password=again";
        HttpResponse<String> page = http.send(request("/login", guesser).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 200L);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Too many requests · Classentra</title>", "classentra/styles.css",
                        "Please try again in ", "href=\"/sign-in-link\"", "href=\"/login\"")
                .doesNotContain("Exception").doesNotContain(target);
    }

    @Test
    void visitorsNotSignedInAreLimitedButStaticFilesAndSignedInPeopleAreNot() throws Exception {
        String visitor = newAddress();
        for (int i = 0; i < 8; i++) {
            assertThat(get("/login", visitor).statusCode()).as("page %d", i + 1).isEqualTo(200);
        }
        assertRefused(get("/login", visitor), 8);
        assertThat(get("/classentra/styles.css", visitor).statusCode()).isEqualTo(200);
        assertThat(get("/lumo/lumo.css", visitor).statusCode()).as("what the refusal page is styled with").isEqualTo(200);
        assertThat(get("/login", newAddress()).statusCode()).as("another visitor").isEqualTo(200);

        String email = "teacher-" + UUID.randomUUID() + "@example.com";
        platform.call(sql -> sql.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FIRST_NAME, "Théo").set(APP_USER.LAST_NAME, "Roy")
                .set(APP_USER.ROLES, new String[] {"TEACHER"}).set(APP_USER.PASSWORD_HASH, passwordEncoder.encode("a long enough password"))
                .set(APP_USER.EMAIL_VERIFIED, true).execute());
        String teacher = newAddress();
        HttpResponse<String> signedIn = signIn(teacher, email, "a long enough password");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        for (int i = 0; i < 10; i++) {
            assertThat(get("/teacher", teacher, session).statusCode()).as("page %d", i + 1).isEqualTo(200);
        }
    }
}
