package com.classentra.legal;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.PolicyChangeNotices;
import com.classentra.accounts.PolicyConsent;
import com.classentra.accounts.SignUpForm;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestOrigins;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Runs in a context of its own because it publishes a new privacy policy. */
@ClassentraTest
@TestPropertySource(properties = "classentra.test.context=policy-change")
class PolicyDocumentsTest {

    @Autowired
    PolicyDocuments documents;
    @Autowired
    AccountService accounts;
    @Autowired
    PolicyConsent consent;
    @Autowired
    PolicyChangeNotices notices;
    @Autowired
    PlatformSql platform;

    @Test
    void aVersionDatedLaterIsAnnouncedToEveryoneOnceAndAcceptedOnlyWhenItTakesEffect() {
        UUID teacher = signUp(true);
        UUID student = signUp(false);
        PolicyDocuments.Document inForce = documents.current(PolicyKind.PRIVACY);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        PolicyDocuments.Document next = documents.publish(PolicyKind.PRIVACY,
                "Effective: " + day + "\n\n" + inForce.markdown() + "\nNew: a clearer retention section.\n");
        try {
            assertThat(documents.current(PolicyKind.PRIVACY).version()).as("the version in force stays until the day").isEqualTo(inForce.version());
            assertThat(documents.upcoming(PolicyKind.PRIVACY)).hasValueSatisfying(u -> assertThat(u.version()).isEqualTo(next.version()));
            assertThat(documents.pending(teacher, Set.of(Role.TEACHER))).as("nothing to accept before the day").isEmpty();

            // Told by email, in batches, each account once however many runs there are.
            int batches = 0;
            while (notices.sendNextBatch(2) > 0) {
                batches++;
            }
            assertThat(batches).isGreaterThan(1);
            assertThat(notices.sendNextBatch(2)).as("all told: nothing more to send").isZero();
            for (UUID account : List.of(teacher, student)) {
                assertThat(platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.RECIPIENT_USER_ID.eq(account).and(EMAIL_OUTBOX.TEMPLATE.eq("policy-change"))))
                        .isEqualTo(1);
            }
            List<String> toldTwice = platform.call(sql -> sql.select(EMAIL_OUTBOX.TO_ADDRESS).from(EMAIL_OUTBOX)
                    .where(EMAIL_OUTBOX.TEMPLATE.eq("policy-change")).groupBy(EMAIL_OUTBOX.TO_ADDRESS).having(DSL.count().gt(1)).fetch(EMAIL_OUTBOX.TO_ADDRESS));
            assertThat(toldTwice).as("nobody twice").isEmpty();

            // On the day the new version is in force, and everyone is asked to accept it.
            assertThat(documents.inForce(PolicyKind.PRIVACY, day).version()).isEqualTo(next.version());
            assertThat(documents.upcoming(PolicyKind.PRIVACY, day)).isEmpty();
            assertThat(documents.pending(teacher, Set.of(Role.TEACHER), day)).containsExactly(PolicyKind.PRIVACY);
            assertThat(documents.pending(student, Set.of(Role.STUDENT), day.minusDays(1))).isEmpty();
        } finally {
            platform.call(sql -> sql.deleteFrom(POLICY_DOCUMENT).where(POLICY_DOCUMENT.KIND.eq("PRIVACY").and(POLICY_DOCUMENT.VERSION.eq(next.version())))
                    .execute());
            documents.reread(PolicyKind.PRIVACY);
        }
    }

    private UUID signUp(boolean teacher) {
        return accounts.signUp(new SignUpForm(teacher, "Nora", "Kim", null, "policy-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
    }

    @Test
    void aChangedDocumentIsANewVersionThatEveryoneIsAskedToAcceptAgain() {
        UUID id = accounts.signUp(new SignUpForm(true, "Nora", "Kim", null, "policy-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh()).userId();
        assertThat(documents.pending(id, Set.of(Role.TEACHER))).isEmpty();
        var before = documents.current(PolicyKind.PRIVACY);

        var republished = documents.publish(PolicyKind.PRIVACY, before.body());
        assertThat(republished.version()).as("same text, same version").isEqualTo(before.version());

        var changed = documents.publish(PolicyKind.PRIVACY, before.body() + "\nNew: we added a subprocessor.\n");
        assertThat(changed.version()).isEqualTo(before.version() + 1);
        assertThat(changed.sha256()).isEqualTo(PolicyDocuments.sha256(changed.body())).isNotEqualTo(before.sha256());
        assertThat(documents.pending(id, Set.of(Role.TEACHER))).containsExactly(PolicyKind.PRIVACY);
        assertThat(documents.pending(id, Set.of(Role.STUDENT))).containsExactly(PolicyKind.PRIVACY);

        consent.accept(id, List.of(PolicyKind.PRIVACY));
        assertThat(documents.pending(id, Set.of(Role.TEACHER))).isEmpty();
    }
}
