package com.classentra.platform.plugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.S3Peer;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The SES and S3 plugins as the application runs them: loaded by PF4J from the jars bundled into the app, switched
 * in at runtime, serving calls through the slot registry against a stand-in SES (WireMock) and a real S3 API
 * server (s3proxy, checking signatures).
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class AwsProvidersTest {


    private static S3Peer s3;
    private static WireMockServer ses;

    @Autowired
    SlotRegistry registry;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    PluginHost host;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformSql platform;

    @BeforeAll
    static void startServers() throws Exception {
        s3 = new S3Peer();
        ses = new WireMockServer(options().dynamicPort());
        ses.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        ses.stop();
        s3.close();
    }

    @AfterEach
    void backToTheDefaultProviders() {
        platform.resetPluginSlots();
        ses.resetAll();
    }

    private Map<String, String> sesSettings() {
        Map<String, String> values = new HashMap<>();
        values.put("region", "eu-west-1");
        values.put("accessKeyId", "AKIAAPPTEST000000001");
        values.put("secretAccessKey", "app-test/Secret+0123456789abcdefghijklmno");
        values.put("endpoint", ses.baseUrl());
        return values;
    }

    private static void assertLoadedFromItsPluginJar(HostedProvider provider, String pluginId, String factoryClass) {
        assertThat(provider.pluginId()).isEqualTo(pluginId);
        assertThat(provider.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThatThrownBy(() -> Class.forName(factoryClass)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theStorageSlotKeepsFilesInAnS3BucketAndHandsOutWorkingDownloadLinks() throws Exception {
        switcher.switchProvider(Slot.STORAGE, "s3", s3.storageSettings(), null, TestSwitches.AT_ONCE);
        assertLoadedFromItsPluginJar(host.provider(Slot.STORAGE, "s3").orElseThrow(), "storage-s3",
                "com.classentra.plugins.storage.s3.S3StorageProvider");
        byte[] content = "lesson notes, stored in a bucket".getBytes(StandardCharsets.UTF_8);

        ObjectInfo stored = registry.call(Slot.STORAGE, ObjectStorage.class,
                storage -> storage.put("tenants/t1/files/notes.txt", new ByteArrayInputStream(content), content.length, "text/plain"));
        byte[] read = registry.call(Slot.STORAGE, ObjectStorage.class, storage -> {
            try (InputStream in = storage.get("tenants/t1/files/notes.txt").orElseThrow()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        URI link = registry.call(Slot.STORAGE, ObjectStorage.class,
                storage -> storage.presignedDownload("tenants/t1/files/notes.txt", Duration.ofMinutes(5), "Notes.txt")).orElseThrow();

        assertThat(read).isEqualTo(content);
        assertThat(stored.sha256()).hasSize(64);
        assertThat(s3.blobStore().blobExists(S3Peer.BUCKET, "tenants/t1/files/notes.txt")).isTrue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"Notes.txt\"");
        assertThat(registry.health(Slot.STORAGE).healthy()).isTrue();
    }

    @Test
    void theEmailSlotSendsThroughSes() throws Exception {
        ses.stubFor(get(urlEqualTo("/v2/email/account")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"SendingEnabled\":true,\"ProductionAccessEnabled\":true}")));
        ses.stubFor(post(urlEqualTo("/v2/email/outbound-emails")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"MessageId\":\"ses-message-0001\"}")));

        switcher.switchProvider(Slot.EMAIL, "ses", sesSettings(), null, TestSwitches.AT_ONCE);
        assertLoadedFromItsPluginJar(host.provider(Slot.EMAIL, "ses").orElseThrow(), "email-ses",
                "com.classentra.plugins.email.ses.SesEmailProvider");
        EmailMessage message = new EmailMessage(UUID.randomUUID().toString(), EmailAddress.of("noreply@classentra.test"),
                List.of(EmailAddress.of("student@example.com")), null, "Hello", "Body", "<p>Body</p>", Map.of());

        String messageId = registry.call(Slot.EMAIL, EmailSender.class, sender -> sender.send(message)).providerMessageId();

        assertThat(messageId).isEqualTo("ses-message-0001");
        ses.verify(1, postRequestedFor(urlEqualTo("/v2/email/outbound-emails"))
                .withHeader("Authorization", containing("Credential=AKIAAPPTEST000000001/"))
                .withHeader("Authorization", containing("/eu-west-1/ses/aws4_request"))
                .withRequestBody(matchingJsonPath("$.Destination.ToAddresses[0]", equalTo("student@example.com")))
                .withRequestBody(matchingJsonPath("$.Content.Simple.Body.Html.Data", equalTo("<p>Body</p>"))));
        assertThat(registry.health(Slot.EMAIL).healthy()).isTrue();
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndThePreviousProvidersStay() {
        Map<String, String> email = sesSettings();
        email.put("region", "bad region");
        email.remove("secretAccessKey");
        assertThatThrownBy(() -> switcher.switchProvider(Slot.EMAIL, "ses", email, null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("region", "Region must be an AWS region id such as eu-west-1"),
                        new FieldError("secretAccessKey", "Secret access key is required")));

        Map<String, String> storage = s3.storageSettings();
        storage.put("service", "cloudflare-r2");
        storage.put("endpoint", "https://example.com");
        assertThatThrownBy(() -> switcher.switchProvider(Slot.STORAGE, "s3", storage, null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("endpoint", "For Cloudflare R2 the endpoint is https://<account id>.r2.cloudflarestorage.com")));

        // Valid settings that the server refuses (wrong secret) fail the health check and are not activated either.
        Map<String, String> wrongSecret = s3.storageSettings();
        wrongSecret.put("secretAccessKey", "not-the-secret-0123456789");
        assertThatThrownBy(() -> switcher.switchProvider(Slot.STORAGE, "s3", wrongSecret, null, TestSwitches.AT_ONCE))
                .isInstanceOf(ConfigRejectedException.class).hasMessageContaining("not working with these settings")
                .hasMessageNotContaining("not-the-secret");

        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("local");
        assertThat(catalog.settings(Slot.STORAGE).providerId()).isEqualTo("local");
        assertThat(registry.health(Slot.STORAGE).healthy()).isTrue();
    }
}
