package com.classentra.legal.ui;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyKind;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NavbarItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * The in-product notice of a legal document's new version, in the top bar of every page until it takes effect
 * (privacy policy: "Material changes will be communicated via email or an in-product notification before they take
 * effect"), for the people who will be asked to accept it.
 */
@org.springframework.stereotype.Component
@Order(10)
class PolicyChangeBanner implements NavbarItem {

    private final PolicyDocuments documents;

    PolicyChangeBanner(PolicyDocuments documents) {
        this.documents = documents;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        return PolicyKind.requiredFor(user.roles()).stream()
                .flatMap(kind -> documents.upcoming(kind).stream())
                .findFirst()
                .map(next -> {
                    String day = next.effective().map(ClientTime::formatDate).orElse("soon");
                    Span words = new Span(next.kind().title() + " changes on " + day);
                    words.addClassName("policy-change-words");
                    Anchor banner = new Anchor("legal/" + next.kind().slug() + "?upcoming", VaadinIcon.FILE_TEXT_O.create(), words);
                    banner.addClassName("policy-change-banner");
                    String label = "Read the new " + next.kind().title() + ", in effect from " + day;
                    banner.getElement().setAttribute("title", label);
                    // On a phone only the icon shows; its name is still the whole sentence.
                    banner.getElement().setAttribute("aria-label", label);
                    return banner;
                });
    }
}
