package com.classentra.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.FailingRequestController;
import com.classentra.testsupport.HttpBrowser;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * What a browser gets when a page cannot be shown, over real HTTP: the application's own page with the right status, a
 * sentence saying what happened and a way back, for people signed in and not; never Spring's Whitelabel page, an
 * exception's name or a stack trace.
 */
@ClassentraTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {

    private static final Pattern REFERENCE = Pattern.compile("Reference: ([0-9a-f]{8})");

    @Autowired
    Environment environment;
    @Autowired
    TestAccounts accounts;

    private HttpBrowser anonymous() {
        return new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
    }

    private HttpBrowser signedIn(Role role) throws Exception {
        Account account = accounts.create(role);
        HttpBrowser browser = anonymous();
        browser.signIn(account.email(), account.password());
        assertThat(browser.signedIn()).isTrue();
        return browser;
    }

    /** A page of the application's own, not the container's or Spring's, that gives nothing of the failure away. */
    private static void assertOwnPage(HttpResponse<String> page, int status, String sentence, String linkText) {
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).as(page.uri().toString()).contains(sentence).contains(linkText).contains("classentra/styles.css")
                .doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at java.")
                .doesNotContain("Could not navigate");
    }

    @Test
    void anUnknownAddressIsNotFoundForVisitorsAndSignedInPeople() throws Exception {
        assertOwnPage(anonymous().get("/no-such-page"), 404, "There is no page at this address.", "Sign in");
        assertOwnPage(anonymous().get("/no/such/page?at=all"), 404, "There is no page at this address.", "Sign in");

        HttpBrowser student = signedIn(Role.STUDENT);
        assertOwnPage(student.get("/no-such-page"), 404, "There is no page at this address.", "Go to your start page");
        assertThat(student.get("/no-such-page").body()).as("the shell's navigation").contains("Courses").contains("Sign out");
    }

    @Test
    void aPageThePersonMayNotOpenIsForbidden() throws Exception {
        HttpBrowser student = signedIn(Role.STUDENT);
        for (String path : new String[] {"/admin", "/admin/outbox", "/teacher"}) {
            assertOwnPage(student.get(path), 403, "Your account cannot open this page.", "Go to your start page");
        }
    }

    @Test
    void aFormSentWithoutItsTokenIsRefusedWithAPageThatSaysWhatToDo() throws Exception {
        assertOwnPage(anonymous().post("/login/link", Map.of("token", "anything")), 403, "This request was refused.", "Sign in");
    }

    @Test
    void aServerErrorGivesAReferenceThatIsInTheLogAndNoStackTrace(CapturedOutput log) throws Exception {
        Map<HttpBrowser, String> wayBack = Map.of(anonymous(), "Sign in", signedIn(Role.TEACHER), "Go to your start page");
        for (var browser : wayBack.entrySet()) {
            HttpResponse<String> failed = browser.getKey().get(FailingRequestController.PATH + "/" + UUID.randomUUID() + "?invite=secret-invite");
            assertOwnPage(failed, 500, "Something went wrong and nothing was changed.", browser.getValue());
            assertThat(failed.body()).doesNotContain("Export failed").doesNotContain("secret-invite");
            Matcher reference = REFERENCE.matcher(failed.body());
            assertThat(reference.find()).as("a reference in " + failed.body()).isTrue();
            assertThat(log.getOut()).as("support finds the reference in the log").contains("(reference " + reference.group(1) + ")");
        }
    }

    @Test
    void machineClientsStillGetJsonWithoutDetails() throws Exception {
        HttpResponse<String> failed = anonymous().get(FailingRequestController.PATH + "/" + UUID.randomUUID() + "?invite=x", "application/json");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(failed.body()).contains("\"status\":500").doesNotContain("Export failed").doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void theErrorAddressItselfIsNeverWhitelabel() throws Exception {
        HttpResponse<String> error = anonymous().get("/error");
        assertThat(error.body()).doesNotContain("Whitelabel").contains("classentra/styles.css");
    }
}
