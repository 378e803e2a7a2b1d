package com.classentra.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The error views inside the shell, as Vaadin's router shows them: the status each returns (the HTTP status when the
 * page is rendered on the server), the sentence, the way back and the frame. Failures come from a view registered
 * for this test's session only, so the application's routes stay as they are.
 */
@ClassentraTest
class ErrorViewsTest extends SpringBrowserlessTest {

    private static final String FAILING = "test-failing-view";

    @Autowired
    Classrooms classrooms;

    /** Fails as it opens, with what the "failure" query parameter names. */
    @PermitAll
    public static class FailingView extends Div implements BeforeEnterObserver {

        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            String failure = event.getLocation().getQueryParameters().getSingleParameter("failure").orElseThrow();
            throw switch (failure) {
                case "unexpected" -> new IllegalStateException("Export failed for secret-detail");
                case "refused" -> new AccessDeniedException("Only teachers of the course take attendance");
                default -> new GoneMissing();
            };
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class GoneMissing extends RuntimeException {
    }

    @BeforeEach
    void aFailingViewForThisSession() {
        RouteConfiguration.forSessionScope().setRoute(FAILING, FailingView.class);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Navigates as the router does for a page's first request, and returns the status the page gets. */
    private static int open(String path, Map<String, String> query) {
        UI ui = UI.getCurrent();
        return ui.getInternals().getRouter().navigate(ui, new Location(path, QueryParameters.simple(query)), NavigationTrigger.PAGE_LOAD);
    }

    private static String shownText() {
        return UI.getCurrent().getChildren().map(component -> component.getElement().getTextRecursively()).collect(Collectors.joining("\n"));
    }

    @Test
    void aCourseThatDoesNotExistIsNotFoundInTheShellWithTheViewsOwnSentence() {
        SignIn.as(classrooms.student());

        assertThat(open("courses/" + UUID.randomUUID(), Map.of())).isEqualTo(404);

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(getCurrentView().getElement().getParent().getComponent()).get().isInstanceOf(MainLayout.class);
        assertThat(shownText()).contains("Page not found", "This course does not exist or you are not in it.", "Go to your start page",
                "Courses", "Sign out");
    }

    @Test
    void aVisitorGetsTheSamePageWithTheWayToSignInAndNoNavigation() {
        assertThat(open("no/such/page", Map.of())).isEqualTo(404);

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(shownText()).contains("There is no page at this address.", "Sign in").doesNotContain("Sign out")
                .doesNotContain("no/such/page").doesNotContain("Couldn't find route");
    }

    @Test
    void aViewTheRolesDoNotAllowIsForbidden() {
        SignIn.as(classrooms.student());

        assertThat(open("admin", Map.of())).isEqualTo(403);

        assertThat(getCurrentView()).isInstanceOf(ForbiddenView.class);
        assertThat(shownText()).contains("Not open to your account", "Your account cannot open this page.", "Go to your start page");
    }

    @Test
    void anUnexpectedErrorOpeningAViewIsA500WithAReferenceAndNothingOfTheException() {
        SignIn.as(classrooms.teacher());

        assertThat(open(FAILING, Map.of("failure", "unexpected"))).isEqualTo(500);

        assertThat(getCurrentView()).isInstanceOf(ServerErrorView.class);
        assertThat(shownText()).contains("Something went wrong and nothing was changed.", "Go to your start page")
                .containsPattern("Reference: [0-9a-f]{8}").doesNotContain("secret-detail").doesNotContain("IllegalStateException");
    }

    @Test
    void aRefusalThatEscapesAViewIsThePageOfItsStatusNotAnError() {
        SignIn.as(classrooms.student());

        assertThat(open(FAILING, Map.of("failure", "refused"))).isEqualTo(403);
        assertThat(shownText()).contains("Your account cannot open this page.").doesNotContain("Reference:");

        assertThat(open(FAILING, Map.of("failure", "missing"))).isEqualTo(404);
        assertThat(shownText()).contains("There is no page at this address.").doesNotContain("Reference:");
    }
}
