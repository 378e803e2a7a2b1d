package com.classentra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.legal.ui.SubprocessorTable;
import com.classentra.legal.ui.SubprocessorsPage;
import com.classentra.platform.plugins.PluginHost;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableCell;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassentraTest
class SubprocessorListTest extends SpringBrowserlessTest {

    @Autowired
    SubprocessorList subprocessors;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PluginHost host;
    @Autowired
    PlatformSql platform;

    @AfterEach
    void backToDefaults() {
        platform.resetPluginSlots();
    }

    @Test
    void theSeedTranscriptionSaysWhatTheSeedSays() {
        List<String> seedLines = SubprocessorSeed.seedText().lines().toList();
        assertThat(SubprocessorSeed.rows()).hasSize(13);
        SubprocessorSeed.rows().values().forEach(row -> assertThat(seedLines).as(row.legalEntity()).contains(row.asSeedLine()));
    }

    @Test
    void everyInstalledProviderThatNamesACompanyOfTheSeedDescribesItAsTheSeedDoes() {
        int checked = 0;
        for (Slot slot : Slot.values()) {
            for (PluginHost.HostedProvider provider : host.providers(slot)) {
                SubprocessorDisclosure disclosure = provider.descriptor().disclosure();
                if (disclosure.sharesPersonalData() && SubprocessorSeed.rowFor(disclosure).isPresent()) {
                    SubprocessorSeed.assertMatchesSeed(disclosure);
                    checked++;
                }
            }
        }
        assertThat(checked).as("providers naming a company of the seed (Resend at least)").isGreaterThanOrEqualTo(1);
    }

    @Test
    void providersWhoseSettingsChooseTheCompanyDescribeTheSeedsCompaniesAsTheSeedDoes() {
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.STORAGE, "s3", Map.of("service", "cloudflare-r2",
                "endpoint", "https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com", "region", "auto",
                "bucket", "classentra-files", "accessKeyId", "AKIDEXAMPLE", "secretAccessKey", "secret")));
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.RATE_LIMITS, "redis", Map.of("hostedBy", "upstash",
                "host", "eu1-example.upstash.io", "port", "6379", "tls", "true", "password", "secret")));
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.ERRORS, "sentry", Map.of(
                "dsn", "https://0123456789abcdef@o4504.ingest.us.sentry.io/4505")));
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.EMAIL, "resend", Map.of("apiKey", "re_0123456789")));
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.VIDEO, "livekit", Map.of("serverUrl", "https://classentra-x1.livekit.cloud",
                "apiKey", "APIq7Xk2Lm", "apiSecret", "secret")));
        SubprocessorSeed.assertMatchesSeed(disclosure(Slot.VIDEO, "daily", Map.of("apiKey", "5f2a9c0e7b1d4e6a8c3f0b2d9e7a1c4f",
                "webhookSecret", "c2VjcmV0LXdlYmhvb2staG1hYy0xMjM0NTY=")));

        // The same plugins pointed at infrastructure the operator runs name no third party.
        assertThat(disclosure(Slot.RATE_LIMITS, "redis", Map.of("hostedBy", "self-hosted", "host", "127.0.0.1", "port", "6379"))
                .sharesPersonalData()).isFalse();
        assertThat(disclosure(Slot.ERRORS, "sentry", Map.of("dsn", "https://0123456789abcdef@sentry.example.org/7"))
                .sharesPersonalData()).isFalse();
        assertThat(disclosure(Slot.VIDEO, "livekit", Map.of("serverUrl", "https://video.school.example", "apiKey", "key", "apiSecret", "secret"))
                .sharesPersonalData()).isFalse();
    }

    private SubprocessorDisclosure disclosure(Slot slot, String providerId, Map<String, String> settings) {
        PluginHost.HostedProvider provider = host.providers(slot).stream().filter(p -> p.descriptor().id().equals(providerId))
                .findFirst().orElseThrow(() -> new AssertionError(providerId + " is not installed"));
        var validation = provider.descriptor().configSchema().validate(settings);
        assertThat(validation.errors()).as(providerId + " settings").isEmpty();
        return provider.factory().disclosure(validation.config());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theListFollowsTheProvidersInServiceAndRecordsEachChangeOfCompany() throws Exception {
        assertThat(subprocessors.active()).noneMatch(row -> row.usedFor().equals(Slot.EMAIL.displayName()));
        assertThat(subprocessors.onThisServer()).extracting(SubprocessorList.LocalService::usedFor)
                .contains(Slot.EMAIL.displayName(), Slot.STORAGE.displayName());

        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_123456"), null, TestSwitches.AT_ONCE);

        assertThat(subprocessors.active()).filteredOn(row -> row.usedFor().equals(Slot.EMAIL.displayName())).singleElement()
                .satisfies(row -> {
                    assertThat(row.legalEntity()).isEqualTo("Recording Test Inc.");
                    assertThat(row.location()).isEqualTo("Nowhere");
                    assertThat(row.dataCategories()).isEqualTo("Email address");
                });
        assertThat(subprocessors.onThisServer()).extracting(SubprocessorList.LocalService::usedFor).doesNotContain(Slot.EMAIL.displayName());
        assertThat(subprocessors.changes(5)).first().satisfies(change -> {
            assertThat(change.usedFor()).isEqualTo(Slot.EMAIL.displayName());
            assertThat(change.before()).isNull();
            assertThat(change.after()).isEqualTo("Recording Test Inc.");
        });

        // Reconfiguring the same company is no change of subprocessor.
        int changes = subprocessors.changes(10_000).size();
        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_654321"), null, TestSwitches.AT_ONCE);
        assertThat(subprocessors.changes(10_000)).hasSize(changes);

        // The public page shows the same list to anyone.
        navigate(SubprocessorsPage.class);
        SubprocessorTable table = find(SubprocessorTable.class).single();
        assertThat(find(NativeTableCell.class, table).withText("Recording Test Inc.").exists()).isTrue();
        assertThat(find(ListItem.class).all()).anyMatch(item -> item.getText().contains("replaced by Recording Test Inc."));
    }
}
