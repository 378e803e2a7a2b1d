package com.classentra.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.platform.plugins.PluginHost.LoadedPlugin;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.plugin.api.ai.AiAssistant;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassentraTest
@WithMockUser(roles = "ADMIN")
class PluginHostTest {

    @Autowired
    PluginHost host;
    @Autowired
    SlotRegistry registry;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    SlotStateStore store;
    @Autowired
    SlotSecrets secrets;
    @Autowired
    PlatformSql platform;
    @Autowired
    MeterRegistry meters;

    private static EmailMessage message() {
        return new EmailMessage(UUID.randomUUID().toString(), EmailAddress.of("noreply@classentra.test"),
                List.of(EmailAddress.of("student@example.com")), null, "Hello", "Body", null, Map.of());
    }

    private SendReceipt send() throws ProviderException {
        return registry.call(Slot.EMAIL, EmailSender.class, sender -> sender.send(message()));
    }

    @AfterEach
    void backToTheDefaultEmailProvider() {
        platform.resetPluginSlots();
    }

    @Test
    void bundledPluginsAreLoadedFromTheirJarsThroughPf4jNotFromTheClassPath() {
        assertThat(host.plugins()).filteredOn(p -> !p.failed()).extracting(LoadedPlugin::id)
                .contains("email-local", "storage-local", "test-recording-email");
        HostedProvider localEmail = host.provider(Slot.EMAIL, "local").orElseThrow();
        assertThat(localEmail.pluginId()).isEqualTo("email-local");
        assertThat(localEmail.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThatThrownBy(() -> Class.forName("com.classentra.plugins.email.local.LocalMailboxProvider"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(host.provider(Slot.STORAGE, "local").orElseThrow().pluginId()).isEqualTo("storage-local");
    }

    @Test
    void defaultProvidersServeCallsAndEveryCallIsTimed() throws Exception {
        double before = callCount("email", "local", "success");
        SendReceipt receipt = send();
        assertThat(receipt.providerMessageId()).endsWith("@classentra.local>");
        assertThat(callCount("email", "local", "success")).isEqualTo(before + 1);

        byte[] content = "lesson notes".getBytes();
        var stored = registry.call(Slot.STORAGE, ObjectStorage.class,
                storage -> storage.put("t/1/notes.txt", new ByteArrayInputStream(content), content.length, "text/plain"));
        assertThat(stored.size()).isEqualTo(content.length);
    }

    @Test
    void switchingASlotAtRuntimeSendsTheNextCallToTheNewProviderAndIsAudited() throws Exception {
        assertThat(send().providerMessageId()).endsWith("@classentra.local>");

        long version = switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_123456"), null, TestSwitches.AT_ONCE);

        assertThat(version).isPositive();
        SendReceipt next = send();
        assertThat(next.providerMessageId()).startsWith("recording-1-").endsWith("-loader-PluginClassLoader");
        long audited = platform.call(sql ->
                ((Number) sql.fetchValue("select count(*) from audit_event where action = 'plugin.slot.switched' and target_id = 'email'")).longValue());
        assertThat(audited).isPositive();

        switcher.switchProvider(Slot.EMAIL, "local", Map.of(), null, TestSwitches.AT_ONCE);
        assertThat(send().providerMessageId()).endsWith("@classentra.local>");
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldAndThePreviousProviderStays() {
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "recording",
                Map.of("apiKey", "short", "behaviour", "explode", "region", "Mars", "colour", "red"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("apiKey", "API key must be at least 8 characters"),
                        new FieldError("behaviour", "Behaviour must be one of deliver, fail, hang"),
                        new FieldError("region", "Region must look like us-east-1"),
                        new FieldError("colour", "Unknown setting \"colour\"")));
        // The provider's own check runs once the schema is satisfied.
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "pk_test_123456"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("apiKey", "API keys start with sk_")));
        // A provider that fails its health check with these settings is not activated either.
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_123456", "behaviour", "fail"), null, TestSwitches.AT_ONCE))
                .isInstanceOf(ConfigRejectedException.class).hasMessageContaining("503");
        assertThatThrownBy(() -> switcher.switchProvider(Slot.STORAGE, "local", Map.of("maxObjectMb", "lots"), null, TestSwitches.AT_ONCE))
                .hasMessageContaining("Largest object (MB) must be a whole number");
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "nonexistent", Map.of(), null, TestSwitches.AT_ONCE))
                .hasMessageContaining("No available provider");

        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("local");
        assertThat(registry.health(Slot.EMAIL).healthy()).isTrue();
    }

    @Test
    void secretsAreEncryptedAtRestAndNeverShownBack() throws Exception {
        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_live_TOPSECRET42"), null, TestSwitches.AT_ONCE);

        String column = platform.call(sql -> String.valueOf(sql.fetchValue("select config::text from plugin_slot_state where slot = 'email'")));
        assertThat(column).doesNotContain("TOPSECRET42").contains("enc:v1:");
        assertThat(catalog.settings(Slot.EMAIL).values()).doesNotContainKey("apiKey");
        assertThat(catalog.settings(Slot.EMAIL).storedSecrets()).containsExactly("apiKey");

        // Saving again with the secret left blank keeps the stored one.
        String fingerprint = send().providerMessageId().replaceAll(".*-key-([0-9a-f]+)-.*", "$1");
        assertThat(fingerprint).isEqualTo(Integer.toHexString("sk_live_TOPSECRET42".hashCode()));
        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "", "region", "eu-west-1"), null, TestSwitches.AT_ONCE);
        assertThat(send().providerMessageId()).contains("-key-" + fingerprint + "-");
        assertThat(catalog.settings(Slot.EMAIL).values()).containsEntry("region", "eu-west-1");
    }

    @Test
    void aPluginThatFailedToStartLeavesTheAppUpAndItsSlotUnhealthy() {
        LoadedPlugin failed = host.plugin("test-failing-start").orElseThrow();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.problem()).contains("simulated start failure");
        assertThat(host.plugins()).anySatisfy(p -> assertThat(p.id()).isEqualTo("not-a-plugin.jar"));

        // The slot names a provider that only the failed plugin would have offered.
        platform.call(sql -> store.save(Slot.EMAIL, "broken", "test-failing-start", Map.of(), null));

        SlotRegistry.SlotHealth health = registry.health(Slot.EMAIL);
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("'broken' is not available").contains("simulated start failure");
        assertThatThrownBy(this::send).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MISCONFIGURED));
        assertThat(callCount("email", "broken", "unavailable")).isPositive();
        assertThat(registry.health(Slot.STORAGE).healthy()).isTrue();
    }

    @Test
    void aProviderThatThrowsOrHangsIsIsolatedAndCounted() throws Exception {
        // Stored directly, as another node would: the registry rebuilds the provider from the new version.
        storeRecordingProvider("fail");
        assertThatThrownBy(this::send).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(callCount("email", "recording", "retryable")).isPositive();
        assertThat(registry.health(Slot.EMAIL).healthy()).isFalse();

        storeRecordingProvider("hang");
        assertThatThrownBy(this::send).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.getMessage()).contains("did not answer within"));
        assertThat(callCount("email", "recording", "retryable")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aProviderWithoutDisclosureIsNotOfferedAndItsPluginIsReportedFailed() {
        LoadedPlugin undisclosed = host.plugin("test-no-disclosure").orElseThrow();
        assertThat(undisclosed.failed()).isTrue();
        assertThat(undisclosed.problem()).contains("disclosure");
        assertThat(catalog.providers(Slot.EMAIL)).extracting(ProviderDescriptor::id).doesNotContain("undisclosed");
    }

    @Test
    void aSlotWithoutProviderRefusesCallsClearlyAndCountsThem() {
        assertThatThrownBy(() -> registry.call(Slot.AI, AiAssistant.class, ai -> ai.complete(null)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.MISCONFIGURED);
                    assertThat(e.getMessage()).isEqualTo("No provider");
                });
        assertThat(callCount("ai", "none", "unavailable")).isPositive();
        assertThat(registry.health(Slot.AI).healthy()).isNull();
    }

    @Test
    @WithMockUser(roles = "TEACHER")
    void onlyAdministratorsMaySwitchProviders() {
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "local", Map.of(), null, TestSwitches.AT_ONCE))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void everyProviderDeclaresItsSubprocessorDisclosure() {
        for (Slot slot : Slot.values()) {
            for (HostedProvider provider : host.providers(slot)) {
                assertThat(provider.descriptor().disclosure()).as(provider.descriptor().id()).isNotNull();
                assertThat(provider.descriptor().slot()).isEqualTo(slot);
                if (provider.pluginId().endsWith("-local")) {
                    assertThat(provider.descriptor().disclosure().sharesPersonalData()).isFalse();
                }
            }
        }
    }

    @Test
    void localProvidersKeepTheirDataInTheDataDirectory(@Autowired com.classentra.platform.ClassentraProperties properties) throws Exception {
        send();
        Path mailbox = properties.dataDirectory().resolve("plugin-data/email-local/mailbox");
        try (var files = Files.list(mailbox)) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml"))).isNotEmpty();
        }
    }

    private void storeRecordingProvider(String behaviour) {
        var schema = host.provider(Slot.EMAIL, "recording").orElseThrow().descriptor().configSchema();
        platform.call(sql -> store.save(Slot.EMAIL, "recording", "test-recording-email",
                secrets.encrypted(Slot.EMAIL, schema, Map.of("apiKey", "sk_test_123456", "behaviour", behaviour)), null));
    }

    private double callCount(String slot, String provider, String outcome) {
        var timer = meters.find(PluginCalls.METRIC).tags("slot", slot, "provider", provider, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void shuttingDownStopsAndUnloadsEveryBundledPluginWithoutAnError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data,
            @Autowired com.classentra.platform.ClassentraProperties properties) throws Exception {
        PluginHost own = new PluginHost(new com.classentra.platform.ClassentraProperties(data, null, null, properties.plugins()));
        assertThat(own.plugins()).as("several plugins started, as in production").hasSizeGreaterThan(2);

        own.destroy();

        assertThat(own.plugins()).as("everything unloaded").allSatisfy(plugin -> assertThat(plugin.state()).isNotEqualTo("STARTED"));
    }
}
