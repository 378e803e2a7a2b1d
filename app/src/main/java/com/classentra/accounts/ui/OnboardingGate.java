package com.classentra.accounts.ui;

import com.classentra.legal.ui.LegalDocumentView;
import com.classentra.legal.ui.SubprocessorsPage;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps a signed-in person on the next onboarding step until it is done: first confirm the email, then
 * accept the current legal documents, then answer (or skip) the survey. Pages needed for those steps,
 * and signing out, stay reachable.
 */
@Component
class OnboardingGate implements VaadinServiceInitListener {

    // The subprocessor list is part of what the privacy policy asks people to accept, so it opens before accepting.
    private static final Set<Class<?>> ALWAYS_OPEN = Set.of(ConfirmEmailView.class, VerifyEmailView.class, LegalDocumentView.class,
            SubprocessorsPage.class, LoginView.class, SignUpView.class, ForgotPasswordView.class, ResetPasswordView.class, SetupView.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        SignedInUser user = SignedInSession.current().orElse(null);
        if (user == null || ALWAYS_OPEN.contains(event.getNavigationTarget())) {
            return;
        }
        Onboarding onboarding = user.onboarding();
        Class<? extends com.vaadin.flow.component.Component> step = !onboarding.emailVerified() ? ConfirmEmailView.class
                : !onboarding.pendingPolicies().isEmpty() ? AcceptPoliciesView.class
                : onboarding.surveyPending() ? WelcomeSurveyView.class
                : null;
        if (step != null && !step.equals(event.getNavigationTarget())) {
            event.rerouteTo(step);
        }
    }
}
