package com.classentra.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.dashboard.ui.TeacherDashboardView;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** A signed-in person goes through confirm email, accept documents, survey, in that order, before the product. */
@ClassentraTest
class OnboardingGateTest extends SpringBrowserlessTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInWith(Onboarding onboarding) {
        SignIn.as(new SignedInUser(UUID.randomUUID(), "t@example.com", "Tess Teacher", Set.of(Role.TEACHER), null, null, onboarding));
    }

    @Test
    void anUnverifiedPersonOnlySeesTheConfirmEmailPage() {
        signInWith(new Onboarding(false, Set.of("PRIVACY"), true));
        navigate("teacher", ConfirmEmailView.class);
        assertThat(find(Button.class).withText("Send the link again").exists()).isTrue();
    }

    @Test
    void thenChangedDocumentsMustBeAccepted() {
        signInWith(new Onboarding(true, Set.of("PRIVACY"), true));
        navigate("teacher", AcceptPoliciesView.class);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withText("Privacy Policy").exists()).isTrue();
        // What the policy points to opens too: the document and its list of subprocessors.
        navigate("legal/privacy", com.classentra.legal.ui.LegalDocumentView.class);
        navigate("subprocessors", com.classentra.legal.ui.SubprocessorsPage.class);
    }

    @Test
    void thenTheSurveyWhichCanBeSkipped() {
        signInWith(new Onboarding(true, Set.of(), true));
        navigate("teacher", WelcomeSurveyView.class);
    }

    @Test
    void aFullyOnboardedTeacherReachesTheDashboard() {
        signInWith(Onboarding.COMPLETE);
        assertThat(navigate(TeacherDashboardView.class)).isNotNull();
    }
}
