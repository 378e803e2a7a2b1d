package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyKind;
import com.classentra.legal.PolicyText;
import com.classentra.legal.SubprocessorList;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.PlatformSql;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Google sign-in against a real OpenID Connect server (mock-oauth2-server), over real HTTP with cookies. */
@ClassentraTest
class GoogleSignInTest {

    private static final String CLIENT_ID = "classentra-test-client";
    private static final MockOAuth2Server GOOGLE = new MockOAuth2Server();

    static {
        GOOGLE.start();
    }

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("classentra.google.client-id", () -> CLIENT_ID);
        registry.add("classentra.google.client-secret", () -> "test-secret");
        registry.add("classentra.google.issuer-uri", () -> GOOGLE.issuerUrl("google").toString());
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.shutdown();
    }

    @Autowired
    Environment environment;
    @Autowired
    PlatformSql platform;
    @Autowired
    AccountService accounts;
    @Autowired
    SubprocessorList subprocessors;
    @Autowired
    PolicyText policyText;
    @Autowired
    PolicyDocuments documents;

    @Test
    void whileGoogleSignInIsConfiguredGoogleIsASubprocessorAndThePolicyNamesIt() {
        assertThat(subprocessors.active()).filteredOn(row -> row.legalEntity().equals("Google LLC")).singleElement()
                .satisfies(row -> assertThat(row.usedFor()).isEqualTo("Sign-in with Google"));
        assertThat(policyText.markdown(documents.current(PolicyKind.PRIVACY))).contains("- Google LLC — Sign-in with a Google account")
                .contains("Google LLC (United States)");
    }

    private URI app(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    /** Google will answer the next sign-in with these claims. */
    private static void googleSays(String subject, String email, boolean verified) {
        GOOGLE.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", List.of(CLIENT_ID), Map.of(
                "email", email, "email_verified", verified, "given_name", "Gia", "family_name", "Ngo", "name", "Gia Ngo",
                "picture", "https://lh3.googleusercontent.example/a/photo.png"), 3600));
    }

    /** Follows the redirects of a sign-in from the start URL, like a browser; returns the last response and the client. */
    private record Journey(HttpResponse<String> last, HttpClient browser) {
    }

    private Journey signIn(String start) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        URI next = app(start);
        HttpResponse<String> response = null;
        for (int hop = 0; hop < 10; hop++) {
            response = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                break;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.getPath().equals("/") || next.getPath().equals("/login")) {
                return new Journey(response, browser);
            }
        }
        return new Journey(response, browser);
    }

    private static String location(Journey journey) {
        return journey.last().headers().firstValue("Location").orElse("");
    }

    @Test
    void aNewGoogleUserGetsAnAccountWithGooglesIdentityAndIsSignedIn() throws Exception {
        String subject = "google-" + UUID.randomUUID();
        String email = "gia-" + UUID.randomUUID() + "@gmail.example";
        googleSays(subject, email, true);

        Journey journey = signIn("/signup/google?age=SIXTEEN_OR_OLDER");

        assertThat(location(journey)).endsWith("/");
        var user = platform.call(sql -> sql.selectFrom(APP_USER).where(APP_USER.GOOGLE_SUBJECT.eq(subject)).fetchSingle());
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getEmailVerified()).isTrue();
        assertThat(user.getDisplayName()).isEqualTo("Gia Ngo");
        assertThat(user.getAvatarUrl()).isEqualTo("https://lh3.googleusercontent.example/a/photo.png");
        assertThat(user.getRoles()).containsExactly("STUDENT");
        assertThat(user.getPasswordHash()).isNull();

        HttpResponse<String> dashboard = journey.browser().send(HttpRequest.newBuilder(app("/student")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).as("the session is signed in").isEqualTo(200);
    }

    @Test
    void aVerifiedGoogleEmailLinksToTheExistingAccount() throws Exception {
        String email = "linked-" + UUID.randomUUID() + "@example.com";
        UUID existing = accounts.signUp(new SignUpForm(false, "Gia", "Ngo", null, email, "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        String subject = "google-" + UUID.randomUUID();
        googleSays(subject, email.toUpperCase(), true);

        assertThat(location(signIn("/oauth2/authorization/google"))).endsWith("/");

        assertThat(platform.value(APP_USER.GOOGLE_SUBJECT, APP_USER.ID.eq(existing))).isEqualTo(subject);
        assertThat(platform.count(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email))).isEqualTo(1);
    }

    @Test
    void anUnverifiedGoogleEmailIsNeverLinkedToAnExistingAccount() throws Exception {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        UUID existing = accounts.signUp(new SignUpForm(false, "Val", "Tim", null, email, "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        googleSays("attacker-" + UUID.randomUUID(), email, false);

        Journey journey = signIn("/oauth2/authorization/google");

        assertThat(location(journey)).contains("/login?google-error");
        assertThat(platform.value(APP_USER.GOOGLE_SUBJECT, APP_USER.ID.eq(existing))).isNull();
    }

    @Test
    void googleProvingTheAddressRemovesThePasswordOfAnUnconfirmedAccountWithIt() throws Exception {
        // Someone opened an account with this address but never confirmed it; the owner then comes with Google.
        String email = "squatted-" + UUID.randomUUID() + "@example.com";
        UUID squatted = accounts.signUp(new SignUpForm(false, "Sq", "Uat", null, email, "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER),
                TestOrigins.fresh()).userId();
        String subject = "google-" + UUID.randomUUID();
        googleSays(subject, email, true);

        assertThat(location(signIn("/oauth2/authorization/google"))).endsWith("/");

        assertThat(platform.value(APP_USER.GOOGLE_SUBJECT, APP_USER.ID.eq(squatted))).isEqualTo(subject);
        assertThat(platform.value(APP_USER.PASSWORD_HASH, APP_USER.ID.eq(squatted))).isNull();
        assertThat(platform.value(APP_USER.EMAIL_VERIFIED, APP_USER.ID.eq(squatted))).isTrue();
    }

    @Test
    void noAccountIsCreatedFromAnAddressGoogleHasNotVerified() throws Exception {
        String email = "unverified-" + UUID.randomUUID() + "@gmail.example";
        googleSays("google-" + UUID.randomUUID(), email, false);

        assertThat(location(signIn("/signup/google?age=SIXTEEN_OR_OLDER"))).contains("/login?google-error");
        assertThat(platform.count(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email))).isZero();
    }

    @Test
    void aNewGoogleAccountNeedsTheAgeGivenOnTheSignUpPage() throws Exception {
        String email = "ageless-" + UUID.randomUUID() + "@gmail.example";
        googleSays("google-" + UUID.randomUUID(), email, true);
        assertThat(location(signIn("/oauth2/authorization/google"))).as("straight to Google, no age given").contains("/login?google-error");
        assertThat(platform.count(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email))).isZero();

        assertThat(signIn("/signup/google?age=UNDER_13").last().statusCode()).isEqualTo(403);
        assertThat(signIn("/signup/google").last().statusCode()).isEqualTo(400);
        // No trusted header or GeoIP database here, so the country is unknown and 16 applies.
        assertThat(signIn("/signup/google?age=FROM_13_TO_15").last().statusCode()).isEqualTo(403);
        assertThat(platform.count(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email))).isZero();
    }

    @Test
    void aNewGoogleAccountFromADisposableDomainIsRefused() throws Exception {
        googleSays("google-" + UUID.randomUUID(), "someone-" + UUID.randomUUID() + "@mailinator.com", true);

        assertThat(location(signIn("/signup/google?age=SIXTEEN_OR_OLDER"))).contains("/login?google-error");
    }

    @Test
    void signingUpWithGoogleAsATeacherCreatesTheirWorkspace() throws Exception {
        String subject = "google-" + UUID.randomUUID();
        googleSays(subject, "teacher-" + UUID.randomUUID() + "@gmail.example", true);

        assertThat(location(signIn("/signup/google?role=teacher&age=SIXTEEN_OR_OLDER"))).endsWith("/");

        UUID id = platform.value(APP_USER.ID, APP_USER.GOOGLE_SUBJECT.eq(subject));
        assertThat(platform.value(APP_USER.ROLES, APP_USER.ID.eq(id))).containsExactly("TEACHER");
        assertThat(platform.value(TENANT_MEMBER.ROLE, TENANT_MEMBER.USER_ID.eq(id))).isEqualTo("OWNER");
    }
}
