package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.AccountService.Verification;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.PlatformSql;
import com.classentra.platform.outbox.OutboxBodies;
import com.classentra.platform.outbox.OutboxDispatcher;
import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

@ClassentraTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    PlatformSql platform;
    @Autowired
    OutboxBodies outboxBodies;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SessionRegistry sessionRegistry;
    @Autowired
    Environment environment;

    private static final String PASSWORD = "quiet river lantern";

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private SignUpForm teacher(String email) {
        return new SignUpForm(true, "Amélie", "Tremblay", "Dr.", email, PASSWORD, true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER);
    }

    /** The link the newest email of the template carries to this address. */
    /** The link of the newest such email, as the dispatcher will open its sealed body for the provider. */
    private String linkSentTo(String email, String template) {
        String body = queuedText(newestEmail(email, template));
        Matcher link = Pattern.compile("token=(\\S+)").matcher(body);
        assertThat(link.find()).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private EmailOutboxRecord newestEmail(String email, String template) {
        return platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX)
                .where(EMAIL_OUTBOX.TO_ADDRESS.eq(email).and(EMAIL_OUTBOX.TEMPLATE.eq(template)))
                .orderBy(EMAIL_OUTBOX.CREATED_AT.desc()).limit(1).fetchSingle());
    }

    @Test
    void signingUpWithAnAddressThatHasAnAccountAnswersTheSameAndEmailsTheOwner() {
        String email = unique("taken");
        UUID owner = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        int accountsBefore = platform.count(APP_USER, org.jooq.impl.DSL.noCondition());

        var again = accounts.signUp(new SignUpForm(false, "Someone", "Else", null, email.toUpperCase(), "another fine passphrase", true,
                Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());
        var fresh = accounts.signUp(new SignUpForm(false, "Someone", "Else", null, unique("new"), "another fine passphrase", true,
                Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());

        assertThat(again.accepted()).isEqualTo(fresh.accepted()).isTrue();
        assertThat(again.problems()).isEqualTo(fresh.problems()).isEmpty();
        assertThat(platform.count(APP_USER, org.jooq.impl.DSL.noCondition())).as("only the fresh address got an account").isEqualTo(accountsBefore + 1);
        var notice = newestEmail(email, "account-exists");
        assertThat(notice.getRecipientUserId()).isEqualTo(owner);
        assertThat(queuedText(notice)).contains("/login").contains("/forgot-password").doesNotContain("another fine passphrase");
    }

    private String queuedText(EmailOutboxRecord row) {
        return outboxBodies.text(row.getId(), new OutboxBodies.Sealed(row.getTextBody(), row.getHtmlBody()));
    }

    @Test
    void noUsableLinkIsReadableInTheOutboxAndSentBodiesAreBlanked() {
        String email = unique("at-rest");
        accounts.signUp(teacher(email), TestOrigins.fresh());
        accounts.requestPasswordReset(email, Locale.ENGLISH, TestOrigins.fresh());
        String token = linkSentTo(email, "reset-password");

        var stored = newestEmail(email, "reset-password");
        assertThat(stored.getTextBody()).doesNotContain("token=").doesNotContain(token).doesNotContain("/reset-password");
        assertThat(stored.getHtmlBody()).doesNotContain("token=").doesNotContain("/reset-password");
        assertThat(stored.getSubject()).doesNotContain(token);

        dispatcher.dispatchDue(100, java.time.Duration.ofSeconds(30));
        var sent = newestEmail(email, "reset-password");
        assertThat(sent.getStatus()).isEqualTo("SENT");
        assertThat(sent.getTextBody()).isEmpty();
        assertThat(sent.getHtmlBody()).isNull();
        assertThat(accounts.checkResetLink(token)).as("the link still works for its owner").isEqualTo(LinkStatus.VALID);
    }

    @Test
    void aTeacherSignUpCreatesTheAccountTheirWorkspaceAcceptancesAndAVerificationEmail() throws Exception {
        String email = unique("Amelie");
        var result = accounts.signUp(teacher(email), TestOrigins.fresh());

        assertThat(result.problems()).isEmpty();
        UUID id = result.userId();
        var user = platform.call(sql -> sql.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle());
        assertThat(user.getRoles()).containsExactly("TEACHER");
        assertThat(user.getTitle()).isEqualTo("Dr.");
        assertThat(user.getEmailVerified()).isFalse();
        assertThat(user.getPasswordHash()).startsWith("{argon2}");
        assertThat(passwordEncoder.matches(PASSWORD, user.getPasswordHash())).isTrue();

        var membership = platform.call(sql -> sql.selectFrom(TENANT_MEMBER).where(TENANT_MEMBER.USER_ID.eq(id)).fetchSingle());
        assertThat(membership.getRole()).isEqualTo("OWNER");
        assertThat(platform.value(TENANT.KIND, TENANT.ID.eq(membership.getTenantId()))).isEqualTo("PERSONAL");

        List<String> accepted = platform.call(sql -> sql.select(POLICY_ACCEPTANCE.KIND).from(POLICY_ACCEPTANCE)
                .where(POLICY_ACCEPTANCE.USER_ID.eq(id)).fetch(POLICY_ACCEPTANCE.KIND));
        assertThat(accepted).containsExactlyInAnyOrder("TERMS", "PRIVACY", "INSTRUCTOR_AGREEMENT", "COMMUNITY_GUIDELINES");

        // The recorded hash is the hash of the exact text served to anyone at /legal/privacy.txt.
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/legal/privacy.txt")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        String servedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.body()));
        String recorded = platform.call(sql -> sql.select(POLICY_ACCEPTANCE.SHA256).from(POLICY_ACCEPTANCE)
                .where(POLICY_ACCEPTANCE.USER_ID.eq(id).and(POLICY_ACCEPTANCE.KIND.eq("PRIVACY"))).fetchSingle(POLICY_ACCEPTANCE.SHA256));
        assertThat(recorded).isEqualTo(servedHash);
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("Classentra is operated by Classentra Technologies Inc.");

        assertThat(linkSentTo(email, "verify-email")).startsWith("VERIFY_EMAIL.");
    }

    @Test
    void aStudentSignUpHasNoWorkspaceAndNoInstructorAgreement() {
        String email = unique("student");
        UUID id = accounts.signUp(new SignUpForm(false, "Sam", "Lee", "ignored", email, PASSWORD, true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();

        assertThat(platform.count(TENANT_MEMBER, TENANT_MEMBER.USER_ID.eq(id))).isZero();
        assertThat(platform.value(APP_USER.TITLE, APP_USER.ID.eq(id))).isNull();
        List<String> accepted = platform.call(sql -> sql.select(POLICY_ACCEPTANCE.KIND).from(POLICY_ACCEPTANCE)
                .where(POLICY_ACCEPTANCE.USER_ID.eq(id)).fetch(POLICY_ACCEPTANCE.KIND));
        assertThat(accepted).containsExactlyInAnyOrder("TERMS", "PRIVACY", "COMMUNITY_GUIDELINES");
    }

    @Test
    void everyFieldIsCheckedWithAMessage() {
        String email = unique("dup");
        accounts.signUp(teacher(email), TestOrigins.fresh());

        var invalid = accounts.signUp(new SignUpForm(true, " ", "x".repeat(101), null, "not an address", "short", false, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());
        assertThat(invalid.created()).isFalse();
        assertThat(invalid.problems()).containsOnlyKeys("firstName", "lastName", "email", "password", "policies");

        assertThat(accounts.signUp(new SignUpForm(false, "A", "B", null, "not an email", PASSWORD, true, null, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).problems())
                .containsOnlyKeys("email");
        assertThat(accounts.signUp(new SignUpForm(false, "A", "B", null, unique("c"), "password1234", true, null, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).problems().get("password"))
                .contains("too common");
        assertThat(accounts.signUp(new SignUpForm(false, "Bartholomew", "B", null, unique("d"), "bartholomew is here", true, null, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).problems()
                .get("password")).contains("name or email");
        assertThat(accounts.signUp(new SignUpForm(false, "A", "B", null, unique("e"), "zzzzzzzzzzzzzzzz", true, null, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).problems()
                .get("password")).contains("too common");
        // No composition rules: a long passphrase of lower-case words is fine.
        assertThat(accounts.signUp(new SignUpForm(false, "A", "B", null, unique("f"), "purple elephants dance", true, null, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).created()).isTrue();
    }

    @Test
    void disposableAddressesAndBlockedCountriesAreRefusedAndFloodsAreSlowedDown() {
        assertThat(accounts.signUp(teacher("someone@mailinator.com"), TestOrigins.fresh()).problems().get("email")).contains("disposable");
        assertThat(accounts.signUp(teacher("someone@eu.mailinator.com"), TestOrigins.fresh()).problems()).containsKey("email");

        var blocked = accounts.signUp(teacher(unique("far")), new RequestOrigin("198.51.100.7",
                java.util.Optional.of("Sign-up is not available in your country."), java.util.Optional.of("KP")));
        assertThat(blocked.created()).isFalse();
        assertThat(blocked.problems()).containsEntry("form", "Sign-up is not available in your country.");

        RequestOrigin flood = TestOrigins.fresh();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                accounts.signUp(new SignUpForm(false, "", "", null, "x", "y", false, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), flood);
            }
        }).isInstanceOfSatisfying(com.classentra.platform.ratelimit.RateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).isPositive());
    }

    @Test
    void childrenAreRefusedByAgeAndCountryAndNothingOfTheAttemptIsKept() {
        Map<String, Optional<String>> countries = Map.of("Germany", Optional.of("DE"), "Canada", Optional.of("CA"), "unknown", Optional.empty());
        for (var country : countries.entrySet()) {
            String email = unique("young");
            var refused = accounts.signUp(aged(email, AgeGroup.UNDER_13), from(country.getValue()));
            assertThat(refused.created()).as("under 13, " + country.getKey()).isFalse();
            assertThat(refused.problems().get("age")).as(country.getKey()).contains("13 or older");
            assertNothingKeptFor(email);
        }

        String german = unique("teen-de");
        assertThat(accounts.signUp(aged(german, AgeGroup.FROM_13_TO_15), from(Optional.of("DE"))).problems().get("age"))
                .contains("European Economic Area").contains("16 or older");
        assertNothingKeptFor(german);
        String somewhere = unique("teen-unknown");
        assertThat(accounts.signUp(aged(somewhere, AgeGroup.FROM_13_TO_15), from(Optional.empty())).problems().get("age"))
                .as("an unknown country may be in the EEA").contains("cannot tell which country");
        assertNothingKeptFor(somewhere);

        assertThat(accounts.signUp(aged(unique("teen-ca"), AgeGroup.FROM_13_TO_15), from(Optional.of("CA"))).created())
                .as("13 to 15 outside the EEA").isTrue();
        assertThat(accounts.signUp(aged(unique("adult-de"), AgeGroup.SIXTEEN_OR_OLDER), from(Optional.of("DE"))).created()).isTrue();
        assertThat(accounts.signUp(aged(unique("no-age"), null), TestOrigins.fresh()).problems()).containsEntry("age", "Choose your age group.");
    }

    private static SignUpForm aged(String email, AgeGroup age) {
        return new SignUpForm(false, "Kim", "Young", null, email, PASSWORD, true, Locale.ENGLISH, age);
    }

    private static RequestOrigin from(Optional<String> country) {
        return new RequestOrigin(TestOrigins.fresh().clientAddress(), Optional.empty(), country);
    }

    /** No account, no email queued, no audit event: the attempt left nothing but rate-limit counts. */
    private void assertNothingKeptFor(String email) {
        assertThat(platform.count(APP_USER, APP_USER.EMAIL.equalIgnoreCase(email))).isZero();
        assertThat(platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.TO_ADDRESS.equalIgnoreCase(email))).isZero();
        assertThat(platform.count(AUDIT_EVENT, DSL.condition("{0}::text like {1}", AUDIT_EVENT.DETAILS, DSL.val("%" + email + "%")))).isZero();
    }

    @Test
    void verificationEmailsCanBeResentAFewTimesAnHour() {
        String email = unique("resend");
        UUID id = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        for (int i = 0; i < 5; i++) {
            accounts.resendVerification(id, TestOrigins.fresh());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.resendVerification(id, TestOrigins.fresh()))
                .isInstanceOf(com.classentra.platform.ratelimit.RateLimitedException.class);
        assertThat(platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.TO_ADDRESS.eq(email))).isEqualTo(6);
    }

    @Test
    void theVerificationLinkWorksOnceAndTamperedOrExpiredLinksAreToldApart() {
        String email = unique("verify");
        UUID id = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        String token = linkSentTo(email, "verify-email");

        assertThat(accounts.verifyEmail(token.substring(0, token.length() - 2) + "xx").outcome()).isEqualTo(Verification.INVALID);
        assertThat(accounts.verifyEmail(token.replace("VERIFY_EMAIL", "RESET_PASSWORD")).outcome()).isEqualTo(Verification.INVALID);
        assertThat(accounts.verifyEmail("garbage").outcome()).isEqualTo(Verification.INVALID);
        assertThat(accounts.verifyEmail(null).outcome()).isEqualTo(Verification.INVALID);

        assertThat(accounts.verifyEmail(token).outcome()).isEqualTo(Verification.VERIFIED);
        assertThat(platform.value(APP_USER.EMAIL_VERIFIED, APP_USER.ID.eq(id))).isTrue();
        assertThat(accounts.verifyEmail(token).outcome()).isEqualTo(Verification.ALREADY_VERIFIED);

        String other = unique("late");
        accounts.signUp(teacher(other), TestOrigins.fresh());
        String late = linkSentTo(other, "verify-email");
        platform.call(sql -> sql.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute());
        assertThat(accounts.verifyEmail(late).outcome()).isEqualTo(Verification.EXPIRED);
    }

    @Test
    void passwordResetAnswersTheSameForUnknownEmailsAndResetsOnceEndingAllSessions() {
        int before = platform.count(EMAIL_OUTBOX, org.jooq.impl.DSL.noCondition());
        accounts.requestPasswordReset(unique("nobody"), Locale.ENGLISH, TestOrigins.fresh());
        accounts.requestPasswordReset("not an email", Locale.ENGLISH, TestOrigins.fresh());
        assertThat(platform.count(EMAIL_OUTBOX, org.jooq.impl.DSL.noCondition())).isEqualTo(before);

        String email = unique("reset");
        UUID id = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        accounts.requestPasswordReset(email.toUpperCase(), Locale.ENGLISH, TestOrigins.fresh());
        String first = linkSentTo(email, "reset-password");
        accounts.requestPasswordReset(email, Locale.ENGLISH, TestOrigins.fresh());
        String second = linkSentTo(email, "reset-password");
        assertThat(second).isNotEqualTo(first);

        SignedInUser principal = new SignedInUser(id, email, "A T", Set.of(SignedInUser.Role.TEACHER), null, null);
        sessionRegistry.registerNewSession("session-on-laptop", principal);
        sessionRegistry.registerNewSession("session-on-phone", principal);

        assertThat(accounts.checkResetLink(second)).isEqualTo(LinkStatus.VALID);
        assertThat(accounts.resetPassword(second, "short").passwordProblem()).isPresent();
        assertThat(accounts.checkResetLink(second)).as("a refused password does not use the link up").isEqualTo(LinkStatus.VALID);

        var reset = accounts.resetPassword(second, "a brand new passphrase");
        assertThat(reset.link()).isEqualTo(LinkStatus.VALID);
        assertThat(reset.passwordProblem()).isEmpty();
        String hash = platform.value(APP_USER.PASSWORD_HASH, APP_USER.ID.eq(id));
        assertThat(passwordEncoder.matches("a brand new passphrase", hash)).isTrue();
        assertThat(sessionRegistry.getSessionInformation("session-on-laptop").isExpired()).isTrue();
        assertThat(sessionRegistry.getSessionInformation("session-on-phone").isExpired()).isTrue();

        assertThat(accounts.resetPassword(second, "yet another passphrase").link()).isEqualTo(LinkStatus.USED);
        assertThat(accounts.checkResetLink(first)).as("other reset links are voided").isEqualTo(LinkStatus.USED);
    }

    @Test
    void aResetUnlinksAGoogleIdentityLinkedWhileTheAddressWasUnprovenAndEndsItsSessions() {
        String email = unique("squatted");
        UUID id = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        // An older release linked Google accounts whose address Google had not verified.
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.GOOGLE_SUBJECT, "google-squatter-" + id).where(APP_USER.ID.eq(id)).execute());
        SignedInUser squatter = new SignedInUser(id, email, "S Q", Set.of(SignedInUser.Role.TEACHER), null, null);
        sessionRegistry.registerNewSession("squatter-session", squatter);

        accounts.requestPasswordReset(email, Locale.ENGLISH, TestOrigins.fresh());
        assertThat(accounts.resetPassword(linkSentTo(email, "reset-password"), "the owner's own passphrase").link()).isEqualTo(LinkStatus.VALID);

        assertThat(platform.value(APP_USER.GOOGLE_SUBJECT, APP_USER.ID.eq(id))).isNull();
        assertThat(platform.value(APP_USER.EMAIL_VERIFIED, APP_USER.ID.eq(id))).as("the reset link proved the address").isTrue();
        assertThat(sessionRegistry.getSessionInformation("squatter-session").isExpired()).isTrue();
    }

    @Test
    void aResetKeepsAGoogleIdentityLinkedToAProvenAddress() {
        String email = unique("proven");
        UUID id = accounts.signUp(teacher(email), TestOrigins.fresh()).userId();
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.GOOGLE_SUBJECT, "google-owner-" + id).set(APP_USER.EMAIL_VERIFIED, true)
                .where(APP_USER.ID.eq(id)).execute());

        accounts.requestPasswordReset(email, Locale.ENGLISH, TestOrigins.fresh());
        accounts.resetPassword(linkSentTo(email, "reset-password"), "the owner's own passphrase");

        assertThat(platform.value(APP_USER.GOOGLE_SUBJECT, APP_USER.ID.eq(id))).isEqualTo("google-owner-" + id);
    }
}
