package com.classentra.legal;

import static com.classentra.db.jooq.Tables.TENANT;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator announces a new email company for 30 days ahead; the public page and the privacy policy show what
 * is in use and what is coming; an organization's privacy contact objects from the notice's link; the administrator
 * reads the objection.
 */
@BrowserTest
class SubprocessorNoticeJourneyTest {

    private PlatformSql platform;

    @AfterEach
    void backToDefaults() {
        if (platform != null) {
                platform.resetPluginSlots();
        }
    }

    @Test
    void aNewCompanyIsAnnouncedAndAnOrganizationObjects(Journey admin) {
        platform = admin.bean(PlatformSql.class);
        admin.bean(SubprocessorList.class).refreshAfterCommit();
        String contact = "privacy-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
        platform.call(sql -> sql.insertInto(TENANT).set(TENANT.KIND, "ORGANIZATION").set(TENANT.NAME, "Northwind Academy")
                .set(TENANT.PRIVACY_CONTACT_EMAIL, contact).execute());
        TestAccounts.Account administrator = admin.bean(TestAccounts.class).create(Role.ADMIN);

        // The policy names no company while everything runs on this server.
        admin.open("/privacy").waitForPath("/legal/privacy");
        assertThat(admin.page().locator(".legal-updated")).hasText(java.util.regex.Pattern.compile("^Last updated .+"));
        assertThat(admin.page().locator("main")).containsText("No third party receives personal data");
        assertThat(admin.page().locator("main")).not().containsText("Vercel");

        admin.signIn(administrator.email(), administrator.password());
        admin.open("/admin/subprocessors");
        Locator email = admin.page().locator("#slot-email");
        email.locator("vaadin-select").click();
        admin.page().getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Recording (test)")).click();
        assertThat(email).containsText("Recording Test Inc. is not on the subprocessor list today");
        email.getByLabel("API key").fill("sk_test_journey_key");
        email.locator(".switch-timing").scrollIntoViewIfNeeded();
        admin.screenshotsEverywhere("1-announce");
        email.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Announce the change")).click();
        assertThat(admin.page().locator("vaadin-notification-card")).containsText("organization workspaces are being told");
        assertThat(admin.page().locator("#announced-changes")).containsText("Recording Test Inc.");

        admin.open("/subprocessors");
        assertThat(admin.heading("Upcoming changes")).isVisible();
        assertThat(admin.page().locator(".legal-updated")).hasText(java.util.regex.Pattern.compile("^Last updated .+"));
        assertThat(admin.page().locator("main")).containsText("replaced by Recording Test Inc.");
        admin.screenshotsEverywhere("2-public-page-upcoming");

        try (Journey privacyContact = admin.anotherDevice()) {
            privacyContact.open(privacyContact.mailbox().linkTo(contact, "/subprocessor-changes/"));
            privacyContact.see("Announced to Northwind Academy as its privacy contact.");
            assertThat(privacyContact.page().locator("main")).containsText("Data it receives: Email address");
            privacyContact.fill("Your objection", "Our students' data must stay in the EU.");
            privacyContact.screenshotsEverywhere("3-objection");
            privacyContact.click("Send objection");
            assertThat(privacyContact.page().locator(".objection-recorded")).containsText("Your workspace's objection was recorded");
            privacyContact.screenshot("3-objection-recorded");
        }

        admin.open("/admin/subprocessors");
        Locator announced = admin.page().locator("#announced-changes");
        announced.getByText("1 objection").click();
        Locator dialog = admin.page().getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Northwind Academy");
        assertThat(dialog).containsText("Our students' data must stay in the EU.");
        admin.screenshot("4-objection-for-the-administrator");
    }
}
