package com.classentra.accounts.ui;

import com.classentra.legal.ui.LegalDocumentView;
import com.classentra.legal.ui.SubprocessorNoticeView;
import com.classentra.legal.ui.SubprocessorsPage;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps a signed-in person on the next onboarding step until it is done: first confirm the email, then
 * accept the current legal documents, then answer (or skip) the survey. Pages needed for those steps,
 * and signing out, stay reachable.
 */
@Component
class OnboardingGate implements VaadinServiceInitListener {

    // The subprocessor list is part of what the privacy policy asks people to accept, so it opens before accepting; a
    // subprocessor notice's page is for a workspace's privacy contact, whatever their own account's onboarding.
    private static final Set<Class<?>> ALWAYS_OPEN = Set.of(ConfirmEmailView.class, VerifyEmailView.class, LegalDocumentView.class,
            SubprocessorsPage.class, SubprocessorNoticeView.class, LoginView.class, SignUpView.class, ForgotPasswordView.class, ResetPasswordView.class, SetupView.class, VerifyEmailChangeView.class);

    private static final Set<Class<?>> ONBOARDING_STEPS = Set.of(ConfirmEmailView.class, AcceptPoliciesView.class, WelcomeSurveyView.class);
    private static final String DESTINATION = "classentra.onboarding.destination";

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
            remember(event);
            event.rerouteTo(step);
        }
    }

    /**
     * Remembers where the person was going (an invitation's join link, say) while a step stands in the way, so the
     * last step can take them there instead of to their dashboard.
     */
    private static void remember(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (!path.isEmpty() && !ONBOARDING_STEPS.contains(event.getNavigationTarget())) {
            VaadinSession.getCurrent().setAttribute(DESTINATION, path);
        }
    }

    /** After a step: on to where the person was going, or home; the gate sends them to the next step if one remains. */
    static void continueAfterStep(UI ui) {
        Object destination = ui.getSession().getAttribute(DESTINATION);
        ui.getSession().setAttribute(DESTINATION, null);
        ui.navigate(destination instanceof String path ? path : "");
    }
}
