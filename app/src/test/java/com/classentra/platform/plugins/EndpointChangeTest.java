package com.classentra.platform.plugins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.net.PublicAddresses;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Secrets never follow a changed endpoint, and endpoints must be public servers unless the operator allows others.
 * The test peers listen on this machine, which the test configuration allows; the refusals are shown by a switcher
 * built as the application builds it with {@code classentra.plugins.allow-private-endpoints=false}.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class EndpointChangeTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    SlotRegistry registry;
    @Autowired
    SlotSecrets secrets;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    PluginHost host;
    @Autowired
    ProviderFactories factories;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformSql platform;
    @Autowired
    SlotStateStore store;
    @Autowired
    PlatformScope platformScope;
    @Autowired
    AuditLog audit;
    @Autowired
    List<SlotChangeListener> listeners;

    @AfterEach
    void backToTheDefaultProviders() {
        platform.resetPluginSlots();
    }

    private Map<String, String> storedPlain(Slot slot) {
        return secrets.decrypted(slot, registry.stored(slot).config());
    }

    private static void assertRefused(ThrowingCallable save, FieldError... errors) {
        assertThatThrownBy(save).isInstanceOfSatisfying(ConfigRejectedException.class,
                e -> assertThat(e.errors()).containsExactlyInAnyOrder(errors));
    }

    @Test
    void aNewAddressNeedsTheSecretAgainAndGetsTheNewOne() throws Exception {
        api.stubFor(get("/domains").willReturn(okJson("{\"data\": [{\"name\": \"classentra.test\", \"status\": \"verified\"}]}")));
        api.stubFor(post("/emails").willReturn(okJson("{\"id\": \"re-msg-1\"}")));
        // localhost and 127.0.0.1 are two addresses of one WireMock: a changed endpoint whose health check still passes.
        String firstAddress = api.baseUrl();
        String secondAddress = firstAddress.replace("localhost", "127.0.0.1");
        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_first_key_1", "baseUrl", firstAddress), null, TestSwitches.AT_ONCE);
        long version = registry.stored(Slot.EMAIL).version();

        assertRefused(() -> switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "", "baseUrl", secondAddress), null, TestSwitches.AT_ONCE),
                new FieldError("apiKey", "Enter the API key again: the address changed"));
        assertRefused(() -> switcher.switchProvider(Slot.EMAIL, "resend", Map.of("baseUrl", secondAddress), null, TestSwitches.AT_ONCE),
                new FieldError("apiKey", "Enter the API key again: the address changed"));
        assertThat(registry.stored(Slot.EMAIL).version()).isEqualTo(version);
        assertThat(storedPlain(Slot.EMAIL)).containsEntry("apiKey", "re_first_key_1").containsEntry("baseUrl", firstAddress);

        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_second_key_2", "baseUrl", secondAddress), null, TestSwitches.AT_ONCE);

        assertThat(storedPlain(Slot.EMAIL)).containsEntry("apiKey", "re_second_key_2").containsEntry("baseUrl", secondAddress);
        registry.call(Slot.EMAIL, EmailSender.class, sender -> sender.send(new EmailMessage("outbox-" + UUID.randomUUID(),
                EmailAddress.of("noreply@classentra.test"), List.of(EmailAddress.of("amelie@example.com")), null, "Bonjour",
                "Bonjour", "<p>Bonjour</p>", Map.of())));
        api.verify(1, postRequestedFor(urlEqualTo("/emails")).withHeader("Authorization", equalTo("Bearer re_second_key_2")));
    }

    @Test
    void aSecretLeftBlankIsKeptWhileTheServerStaysTheSame() throws Exception {
        api.stubFor(get("/server").willReturn(okJson("{\"ID\": 7, \"Name\": \"Classentra\"}")));
        String token = "0f8fad5b-d9cb-469f-a165-70867728950e";
        switcher.switchProvider(Slot.EMAIL, "postmark", Map.of("serverToken", token, "baseUrl", api.baseUrl()), null, TestSwitches.AT_ONCE);

        switcher.switchProvider(Slot.EMAIL, "postmark", Map.of("serverToken", "", "baseUrl", api.baseUrl(), "messageStream", "notices"), null, TestSwitches.AT_ONCE);
        assertThat(storedPlain(Slot.EMAIL)).containsEntry("serverToken", token).containsEntry("messageStream", "notices");

        // The same server under another name is another address as far as anyone can tell.
        assertRefused(() -> switcher.switchProvider(Slot.EMAIL, "postmark",
                        Map.of("serverToken", "", "baseUrl", api.baseUrl().replace("localhost", "127.0.0.1")), null, TestSwitches.AT_ONCE),
                new FieldError("serverToken", "Enter the server API token again: the address changed"));
        assertThat(storedPlain(Slot.EMAIL)).containsEntry("baseUrl", api.baseUrl()).containsEntry("serverToken", token);
    }

    @Test
    void anotherProviderNeverReceivesTheStoredSecrets() throws Exception {
        api.stubFor(get("/domains").willReturn(okJson("{\"data\": [{\"name\": \"classentra.test\", \"status\": \"verified\"}]}")));
        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_first_key_1", "baseUrl", api.baseUrl()), null, TestSwitches.AT_ONCE);

        // The test provider names its secret apiKey too; left blank, it is missing rather than Resend's.
        assertRefused(() -> switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", ""), null, TestSwitches.AT_ONCE),
                new FieldError("apiKey", "API key is required"));
        assertThat(registry.stored(Slot.EMAIL).providerId()).isEqualTo("resend");
    }

    @Test
    void privateAndMetadataEndpointsAreRefusedWhenTheSettingIsOff() {
        ProviderSwitcher strict = new ProviderSwitcher(registry, host, factories, secrets, store, platformScope, audit, listeners,
                new EndpointGuard(false, PublicAddresses.DNS));
        Map<String, String> relay = Map.of("port", "587", "operatorName", "Example Mail GmbH", "operatorLocation", "Germany");

        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_first_key_1", "baseUrl", "http://127.0.0.1:8025"), null, TestSwitches.AT_ONCE),
                new FieldError("baseUrl", "API address must name a public server: 127.0.0.1 is on this machine"));
        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "postmark",
                        Map.of("serverToken", "POSTMARK_API_TEST", "baseUrl", "http://169.254.169.254/latest/meta-data/"), null, TestSwitches.AT_ONCE),
                new FieldError("baseUrl", "API address must name a public server: 169.254.169.254 is a cloud metadata service"));
        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "smtp", with(relay, "host", "192.168.1.20"), null, TestSwitches.AT_ONCE),
                new FieldError("host", "SMTP server must name a public server: 192.168.1.20 is a private network address"));
        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "smtp", with(relay, "host", "0177.0.0.1"), null, TestSwitches.AT_ONCE),
                new FieldError("host", "SMTP server must name a public server: 0177.0.0.1 is not an IP address in the usual form; "
                        + "write it as four decimal numbers, such as 203.0.113.7"));
        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "smtp", with(relay, "host", "relay.classentra.invalid"), null, TestSwitches.AT_ONCE),
                new FieldError("host", "SMTP server must name a public server: relay.classentra.invalid has no address in DNS"));
        assertRefused(() -> strict.switchProvider(Slot.EMAIL, "ses", Map.of("region", "eu-west-1", "accessKeyId", "AKIAAPPTEST000000001",
                        "secretAccessKey", "app-test/Secret+0123456789", "endpoint", "https://100.64.0.9"), null, TestSwitches.AT_ONCE),
                new FieldError("endpoint", "Endpoint override must name a public server: 100.64.0.9 is a private network address"));
        assertRefused(() -> strict.switchProvider(Slot.RATE_LIMITS, "redis", Map.of("host", "[fd00:ec2::254]"), null, TestSwitches.AT_ONCE),
                new FieldError("host", "Host must name a public server: [fd00:ec2::254] is a cloud metadata service"));
        // The DSN is a secret: its key appears in no message.
        assertRefused(() -> strict.switchProvider(Slot.ERRORS, "sentry", Map.of("dsn", "https://sentrykey123@metadata.google.internal/42"), null, TestSwitches.AT_ONCE),
                new FieldError("dsn", "DSN must name a public server: metadata.google.internal is a cloud metadata service"));
        assertRefused(() -> strict.switchProvider(Slot.STORAGE, "s3", Map.of("service", "other-s3-compatible", "endpoint", "http://[::1]:9000",
                        "bucket", "classentra-files", "accessKeyId", "key", "secretAccessKey", "secret", "pathStyle", "true"), null, TestSwitches.AT_ONCE),
                new FieldError("endpoint", "Endpoint URL must name a public server: [::1] is on this machine"));

        assertThat(registry.stored(Slot.EMAIL).providerId()).isEqualTo("local");
        assertThat(registry.stored(Slot.STORAGE).providerId()).isEqualTo("local");
        assertThat(registry.stored(Slot.RATE_LIMITS).version()).isZero();
        assertThat(registry.stored(Slot.ERRORS).version()).isZero();
    }

    @Test
    void everyBundledSettingThatNamesAServerSaysSo() {
        for (Slot slot : Slot.values()) {
            catalog.providers(slot).forEach(provider -> assertThat(provider.configSchema().fields())
                    .as(provider.id())
                    .filteredOn(field -> field.key().matches("(?i).*(host|url|endpoint)|dsn"))
                    .allSatisfy(field -> assertThat(field.endpoint()).as(field.key()).isTrue()));
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(key, value);
        return all;
    }
}
