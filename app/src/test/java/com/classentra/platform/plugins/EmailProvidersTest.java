package com.classentra.platform.plugins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pf4j.PluginClassLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The SMTP, Resend and Postmark providers as the application runs them: loaded by PF4J from the plugin jars
 * bundled into the app, switched in by an administrator, called through the slot registry.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class EmailProvidersTest {

    private static final String SMTP_USER = "relay-user";
    private static final String SMTP_PASSWORD = "relay-Pass-123";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@classentra.test", SMTP_USER, SMTP_PASSWORD));

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    SlotRegistry registry;
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

    @AfterEach
    void backToTheDefaultEmailProvider() {
        platform.resetPluginSlots();
    }

    private static EmailMessage message(String key) {
        return new EmailMessage(key, new EmailAddress("noreply@classentra.test", "Classentra"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay")), null, "Bienvenue à Classentra",
                "Bonjour Amélie", "<p>Bonjour <b>Amélie</b></p>", Map.of());
    }

    private SendReceipt send(EmailMessage message) throws Exception {
        return registry.call(Slot.EMAIL, EmailSender.class, sender -> sender.send(message));
    }

    private void assertLoadedFromItsPluginJar(String providerId, String pluginId) {
        PluginHost.HostedProvider provider = host.provider(Slot.EMAIL, providerId).orElseThrow();
        assertThat(provider.pluginId()).isEqualTo(pluginId);
        assertThat(provider.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
    }

    @Test
    void smtpDeliversThroughTheRelayAndNamesItsOperator() throws Exception {
        assertLoadedFromItsPluginJar("smtp", "email-smtp");
        Map<String, String> settings = Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.getSmtp().getPort()), "security", "none",
                "username", SMTP_USER, "password", SMTP_PASSWORD, "operatorName", "Example Mail GmbH", "operatorLocation", "Germany");
        switcher.switchProvider(Slot.EMAIL, "smtp", settings, null, TestSwitches.AT_ONCE);

        SendReceipt receipt = send(message("outbox-" + UUID.randomUUID()));

        // Jakarta Mail found its SMTP provider and MIME handlers inside the plugin: a multipart message arrived.
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getHeader("Message-ID")).containsExactly(receipt.providerMessageId());
        assertThat(received.getSubject()).isEqualTo("Bienvenue à Classentra");
        assertThat(((MimeMultipart) received.getContent()).getCount()).isEqualTo(2);
        assertThat(registry.health(Slot.EMAIL).healthy()).isTrue();
        assertThat(catalog.settings(Slot.EMAIL).storedSecrets()).containsExactly("password");

        PluginHost.HostedProvider hosted = host.provider(Slot.EMAIL, "smtp").orElseThrow();
        ProviderConfig config = hosted.descriptor().configSchema().validate(settings).config();
        SubprocessorDisclosure operator = hosted.factory().disclosure(config);
        assertThat(operator.legalEntity()).isEqualTo("Example Mail GmbH");
        assertThat(operator.location()).isEqualTo("Germany");

        // Called straight from this thread, whose context class loader is the application's and sees another
        // copy of Jakarta Mail (GreenMail's): the plugin still uses its own provider and MIME handlers.
        assertThat(Thread.currentThread().getContextClassLoader()).isNotInstanceOf(PluginClassLoader.class);
        try (EmailSender direct = (EmailSender) factories.instantiate(Slot.EMAIL, hosted, config)) {
            direct.send(message("outbox-" + UUID.randomUUID()));
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void resendPostsWithTheKeyAndTheRowIdAsIdempotencyKey() throws Exception {
        assertLoadedFromItsPluginJar("resend", "email-resend");
        api.stubFor(get("/domains").willReturn(okJson("{\"data\": [{\"name\": \"classentra.test\", \"status\": \"verified\"}]}")));
        api.stubFor(post("/emails").willReturn(okJson("{\"id\": \"re-msg-1\"}")));
        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_app_test_key_1", "baseUrl", api.baseUrl()), null, TestSwitches.AT_ONCE);

        String key = "outbox-" + UUID.randomUUID();
        assertThat(send(message(key)).providerMessageId()).isEqualTo("re-msg-1");

        api.verify(1, postRequestedFor(urlEqualTo("/emails"))
                .withHeader("Authorization", equalTo("Bearer re_app_test_key_1"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(matchingJsonPath("$.to[0]", equalTo("Amélie Tremblay <amelie@example.com>")))
                .withRequestBody(matchingJsonPath("$.html", equalTo("<p>Bonjour <b>Amélie</b></p>"))));
    }

    @Test
    void postmarkPostsWithTheServerTokenOnItsStream() throws Exception {
        assertLoadedFromItsPluginJar("postmark", "email-postmark");
        String token = "0f8fad5b-d9cb-469f-a165-70867728950e";
        api.stubFor(get("/server").willReturn(okJson("{\"ID\": 7, \"Name\": \"Classentra\"}")));
        api.stubFor(post("/email").willReturn(okJson("{\"MessageID\": \"pm-msg-1\", \"ErrorCode\": 0, \"Message\": \"OK\"}")));
        switcher.switchProvider(Slot.EMAIL, "postmark", Map.of("serverToken", token, "baseUrl", api.baseUrl()), null, TestSwitches.AT_ONCE);

        assertThat(send(message("outbox-" + UUID.randomUUID())).providerMessageId()).isEqualTo("pm-msg-1");

        api.verify(1, postRequestedFor(urlEqualTo("/email"))
                .withHeader("X-Postmark-Server-Token", equalTo(token))
                .withRequestBody(matchingJsonPath("$.MessageStream", equalTo("outbound")))
                .withRequestBody(matchingJsonPath("$.Subject", equalTo("Bienvenue à Classentra"))));
    }

    @Test
    void badSettingsAreRefusedWithFieldMessagesAndTheLocalMailboxStaysActive() throws Exception {
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "resend", Map.of(), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("apiKey", "API key is required")));
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "smtp", Map.of("host", "mail.example.com", "port", "0",
                "operatorName", "Example Mail GmbH", "operatorLocation", "Germany"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("port", "Port must be at least 1")));
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "smtp", Map.of("host", "mail.example.com", "username", "mailer",
                "operatorName", "Example Mail GmbH", "operatorLocation", "Germany"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("password", "Password is required when a user name is set")));

        // Well-formed settings that do not work: the health check refuses them with its one sentence.
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "postmark", Map.of("serverToken", "POSTMARK_API_TEST",
                "baseUrl", "http://127.0.0.1:" + closedPort), null, TestSwitches.AT_ONCE))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageContaining("Cannot connect to Postmark at http://127.0.0.1:" + closedPort);

        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("local");
        assertThat(send(message("outbox-" + UUID.randomUUID())).providerMessageId()).endsWith("@classentra.local>");
    }
}
