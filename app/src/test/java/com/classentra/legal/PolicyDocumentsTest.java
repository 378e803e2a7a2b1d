package com.classentra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.PolicyConsent;
import com.classentra.accounts.SignUpForm;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestOrigins;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
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

    @Test
    void aChangedDocumentIsANewVersionThatEveryoneIsAskedToAcceptAgain() {
        UUID id = accounts.signUp(new SignUpForm(true, "Nora", "Kim", null, "policy-" + UUID.randomUUID() + "@example.com",
                "quiet river lantern", true, Locale.ENGLISH), TestOrigins.fresh()).userId();
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
