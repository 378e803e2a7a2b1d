package com.classentra.admin.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestSwitches;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** An administrator moves file storage and reads the subprocessor list the change produces, as a visitor sees it. */
@BrowserTest
class SubprocessorsJourneyTest {

    private PlatformSql platform;

    @AfterEach
    void backToDefaults() {
        if (platform != null) {
            platform.resetPluginSlots();
        }
    }

    @Test
    void switchingStorageShowsTheCopyAndThePublicListFollowsTheProviders(Journey journey) throws Exception {
        platform = journey.bean(PlatformSql.class);
        TestAccounts.Account admin = journey.bean(TestAccounts.class).create(Role.ADMIN);
        Path folder = Files.createTempDirectory("classentra-journey-storage-");
        // A third party on the list: the test plugin's email provider, as if chosen earlier.
        SignIn.as(null, null, Role.ADMIN);
        try {
            journey.bean(ProviderSwitcher.class).switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_journey"), null, TestSwitches.AT_ONCE);
        } finally {
            SecurityContextHolder.clearContext();
        }

        journey.signIn(admin.email(), admin.password());
        journey.open("/admin/subprocessors");
        Locator storage = journey.page().locator("#slot-storage");
        storage.getByLabel("Storage directory").fill(folder.toString());
        storage.getByText("Save and activate").click();

        Locator migration = journey.page().locator("#storage-migration");
        assertThat(migration).isVisible();
        assertThat(migration).containsText("Copying");
        assertThat(migration).containsText("the files cannot move elsewhere until then");
        migration.scrollIntoViewIfNeeded();
        journey.screenshot("1-storage-migration");
        journey.page().locator(".subprocessor-table").scrollIntoViewIfNeeded();
        journey.screenshot("2-console-subprocessor-list");

        journey.open("/subprocessors");
        assertThat(journey.heading("Subprocessors")).isVisible();
        journey.see("Recording Test Inc.").see("Kept on this service's own servers").screenshot("3-public-page");
        journey.page().setViewportSize(390, 844);
        journey.screenshot("4-public-page-phone");
        journey.page().emulateMedia(new com.microsoft.playwright.Page.EmulateMediaOptions()
                .setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
        journey.screenshot("5-public-page-phone-dark");
    }
}
