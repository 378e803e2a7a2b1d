package com.classentra.accounts.ui;

import com.classentra.accounts.PolicyConsent;
import com.classentra.legal.PolicyKind;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;

/** Shown at sign-in when a legal document changed since the person accepted it. */
@Route(value = "accept-policies", autoLayout = false)
@PageTitle("Updated terms · Classentra")
@PermitAll
public class AcceptPoliciesView extends AuthPage {

    public AcceptPoliciesView(PolicyConsent consent) {
        SignedInUser user = SignedInSession.current().orElseThrow();
        List<PolicyKind> pending = user.onboarding().pendingPolicies().stream().map(PolicyKind::valueOf).toList();
        UnorderedList documents = new UnorderedList();
        pending.forEach(kind -> {
            Anchor link = new Anchor("legal/" + kind.slug(), kind.title());
            link.setTarget("_blank");
            documents.add(new ListItem(link));
        });
        Checkbox accept = new Checkbox("I have read and accept these documents");
        Span error = new Span("Please accept the documents to continue, or sign out.");
        error.addClassName("field-error");
        error.setVisible(false);
        Button next = new Button("Continue", e -> {
            if (!accept.getValue()) {
                error.setVisible(true);
                return;
            }
            consent.accept(user.id(), pending);
            SignedInSession.updateOnboarding(o -> new Onboarding(o.emailVerified(), Set.of(), o.surveyPending()));
            getUI().ifPresent(OnboardingGate::continueAfterStep);
        });
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show("We updated our documents", "Please read what changed before you continue:", documents, accept, error, next);
    }
}
