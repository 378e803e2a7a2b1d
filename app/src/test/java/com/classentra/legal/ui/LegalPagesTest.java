package com.classentra.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.legal.PolicyKind;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** The legal documents and the subprocessor list as formatted pages under the app's header, for visitors and members. */
@ClassentraTest
class LegalPagesTest extends SpringBrowserlessTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePrivacyPolicyIsAFormattedDocumentWithItsEffectiveDate() {
        UI.getCurrent().navigate("legal/privacy");

        assertThat(find(H1.class).withText("Privacy Policy").exists()).isTrue();
        assertThat(find(H2.class).withText("Data We Collect").exists()).isTrue();
        assertThat(find(H2.class).withText("Your Rights").exists()).isTrue();
        assertThat(find(H3.class).withText("From account creation and sign-in").exists()).isTrue();
        assertThat(find(ListItem.class).withText("Email address").exists()).isTrue();
        assertThat(find(ListItem.class).all()).hasSizeGreaterThan(50);

        String page = text(getCurrentView());
        assertThat(page).contains("Effective " + com.classentra.shell.ClientTime.formatDate(java.time.LocalDate.of(2026, 12, 2)));
        assertThat(page).doesNotContain("Ask AI to explain").doesNotContain("Opens in a new tab").doesNotContain("Last updated\n");
        assertThat(page.lines()).noneMatch(line -> line.strip().startsWith("- "));
        assertThat(find(ListItem.class).all()).noneMatch(item -> text(item).startsWith("-"));
        // Every clause is still there, word for word.
        assertThat(page).contains("We do not sell personal information, and we do not attempt to re-identify de-identified data");

        List<String> links = find(Anchor.class, (Component) getCurrentView()).all().stream().map(Anchor::getHref).toList();
        assertThat(links).contains("mailto:privacy@classentra.com", "/subprocessors", "legal/privacy.txt");
    }

    @Test
    void everyDocumentHasAnEffectiveDateAndNoRawMarkup() {
        for (PolicyKind kind : PolicyKind.values()) {
            UI.getCurrent().navigate("legal/" + kind.slug());
            String page = text(getCurrentView());
            assertThat(page).as(kind.slug()).containsPattern("Effective \\S.*\\d{4}");
            assertThat(page).as(kind.slug()).doesNotContain("Effective:").doesNotContain("](").doesNotContain("##");
            assertThat(page.lines()).as(kind.slug()).noneMatch(line -> line.strip().startsWith("- "));
        }
    }

    @Test
    void aVisitorOnALegalPageSeesTheBrandAndAWayToSignIn() {
        UI.getCurrent().navigate("legal/privacy");

        Header header = find(Header.class).withClassName("public-header").single();
        assertThat(find(RouterLink.class, header).withText("Classentra").single().getHref()).isEmpty();
        assertThat(find(Anchor.class, header).withText("Sign in").single().getHref()).isEqualTo("login");
        assertThat(find(Anchor.class, header).withText("Back to dashboard").exists()).isFalse();
    }

    @Test
    void aSignedInPersonIsOfferedTheWayBackToTheirDashboard() {
        SignIn.as(UUID.randomUUID(), null, Role.STUDENT);
        UI.getCurrent().navigate("legal/terms");

        Header header = find(Header.class).withClassName("public-header").single();
        assertThat(find(RouterLink.class, header).withText("Back to dashboard").single().getHref()).isEmpty();
        assertThat(find(Anchor.class, header).withText("Sign in").exists()).isFalse();
    }

    @Test
    void theSubprocessorPageHasTheSameHeader() {
        UI.getCurrent().navigate("subprocessors");

        assertThat(getCurrentView()).isInstanceOf(SubprocessorsPage.class);
        Header header = find(Header.class).withClassName("public-header").single();
        assertThat(find(RouterLink.class, header).withText("Classentra").exists()).isTrue();
        assertThat(find(Anchor.class, header).withText("Sign in").exists()).isTrue();
    }

    @Test
    void aSignedInTeacherOnTheSubprocessorPageIsOfferedTheirDashboard() {
        SignIn.as(UUID.randomUUID(), null, Role.TEACHER);
        UI.getCurrent().navigate("subprocessors");

        assertThat(getCurrentView()).isInstanceOf(SubprocessorsPage.class);
        Header header = find(Header.class).withClassName("public-header").single();
        assertThat(find(RouterLink.class, header).withText("Back to dashboard").exists()).isTrue();
    }

    private static String text(HasElement component) {
        return component.getElement().getTextRecursively();
    }
}
