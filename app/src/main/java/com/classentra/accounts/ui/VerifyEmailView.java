package com.classentra.accounts.ui;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AccountService.Verification;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The page behind the link in the verification email. */
@Route(value = "verify-email", autoLayout = false)
@PageTitle("Email confirmation · Classentra")
@AnonymousAllowed
public class VerifyEmailView extends AuthPage implements BeforeEnterObserver {

    private final transient AccountService accounts;

    public VerifyEmailView(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        AccountService.VerificationResult verification = accounts.verifyEmail(token);
        Verification result = verification.outcome();
        Button next = new Button("Continue", e -> getUI().ifPresent(OnboardingGate::continueAfterStep));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        switch (result) {
            case VERIFIED, ALREADY_VERIFIED -> {
                // Only the session of the person whose address this link confirms moves on.
                if (SignedInSession.current().filter(user -> user.id().equals(verification.userId())).isPresent()) {
                    SignedInSession.updateOnboarding(o -> new com.classentra.platform.security.SignedInUser.Onboarding(true, o.pendingPolicies(), o.surveyPending()));
                }
                show("Your email is confirmed", result == Verification.VERIFIED
                        ? "Thank you. You can now use Classentra." : "This address was already confirmed; nothing more to do.", next);
            }
            case EXPIRED -> show("This link has expired", "Confirmation links work for 48 hours. Sign in and ask for a new one.", next);
            case INVALID -> show("This link is not valid", "It may have been copied incompletely or changed. "
                    + "Sign in and ask for a new confirmation link.", next);
        }
    }
}
