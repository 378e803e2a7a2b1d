package com.classentra.legal;

import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A new privacy policy waits for its day: a signed-in student sees it announced in the top bar and reads it, while the
 * version in force stays what the policy page shows. Shares the context of PolicyDocumentsTest, which publishes too.
 */
@BrowserTest
@TestPropertySource(properties = "classentra.test.context=policy-change")
class PolicyChangeJourneyTest {

    @Test
    void aStudentSeesTheComingPolicyInTheTopBarAndReadsIt(Journey journey) {
        PolicyDocuments documents = journey.bean(PolicyDocuments.class);
        PlatformSql platform = journey.bean(PlatformSql.class);
        TestAccounts.Account student = journey.bean(TestAccounts.class).create(Role.STUDENT);
        PolicyDocuments.Document inForce = documents.current(PolicyKind.PRIVACY);
        PolicyDocuments.Document next = documents.publish(PolicyKind.PRIVACY, "Effective: " + LocalDate.now(ZoneOffset.UTC).plusDays(30)
                + "\n\n" + inForce.markdown() + "\n## What changed\n\nA clearer retention section.\n");
        try {
            journey.signIn(student.email(), student.password()).waitForPath("/student");
            assertThat(journey.page().locator(".policy-change-banner")).containsText("Privacy Policy changes on");
            journey.screenshotsEverywhere("1-top-bar");

            journey.page().locator(".policy-change-banner").click();
            journey.waitForPath("/legal/privacy");
            assertThat(journey.page().locator(".legal-change-notice")).containsText("This new version takes effect on");
            assertThat(journey.heading("What changed")).isVisible();
            journey.screenshotsEverywhere("2-new-version");

            journey.open("/legal/privacy");
            assertThat(journey.page().locator(".legal-change-notice")).containsText("A new version takes effect on");
            assertThat(journey.page().getByText("A clearer retention section.")).hasCount(0);
            assertThat(journey.page().locator(".legal-meta")).containsText("Version " + inForce.version());
        } finally {
            platform.call(sql -> sql.deleteFrom(POLICY_DOCUMENT).where(POLICY_DOCUMENT.KIND.eq("PRIVACY").and(POLICY_DOCUMENT.VERSION.eq(next.version())))
                    .execute());
            documents.reread(PolicyKind.PRIVACY);
        }
    }
}
