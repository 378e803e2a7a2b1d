package com.classentra.plugins.email.resend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResendSenderTest {

    private static final String KEY = "re_test_Key_0123456789";

    @RegisterExtension
    static final WireMockExtension resend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static ResendSender sender(Duration timeout) {
        return new ResendSender(URI.create(resend.baseUrl() + "/"), KEY, timeout);
    }

    private static EmailMessage message(String html) {
        return new EmailMessage("outbox-42", new EmailAddress("noreply@classentra.test", "Classentra Académie"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay"), new EmailAddress("ops@example.com", "Ops, \"Team\"")),
                EmailAddress.of("help@classentra.test"), "Vérifiez votre adresse", "Open https://x.test/v/1", html,
                Map.of("X-Injected", "ok\r\nBcc: attacker@evil.test", "List-Unsubscribe", "<https://x.test/u/1>"));
    }

    @Test
    void postsTheMessageAsJsonWithBearerKeyAndTheRowIdAsIdempotencyKey() throws Exception {
        resend.stubFor(post("/emails").willReturn(okJson("{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}")));

        var receipt = sender(Duration.ofSeconds(5)).send(message("<p>Open <a href=\"https://x.test/v/1\">it</a></p>"));

        assertThat(receipt.providerMessageId()).isEqualTo("49a3999c-0ce1-4ea6-ab68-afcd6dc2e794");
        resend.verify(1, postRequestedFor(urlEqualTo("/emails"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Idempotency-Key", equalTo("outbox-42"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "from": "Classentra Académie <noreply@classentra.test>",
                          "to": ["Amélie Tremblay <amelie@example.com>", "\\"Ops, \\\\\\"Team\\\\\\"\\" <ops@example.com>"],
                          "subject": "Vérifiez votre adresse",
                          "text": "Open https://x.test/v/1",
                          "html": "<p>Open <a href=\\"https://x.test/v/1\\">it</a></p>",
                          "reply_to": ["help@classentra.test"],
                          "headers": {"List-Unsubscribe": "<https://x.test/u/1>", "X-Injected": "ok Bcc: attacker@evil.test"}
                        }""")));
    }

    @Test
    void aTextOnlyMessageSendsNoHtmlField() throws Exception {
        resend.stubFor(post("/emails").willReturn(okJson("{\"id\":\"text-only\"}")));
        EmailMessage plain = new EmailMessage("k-1", EmailAddress.of("noreply@classentra.test"), List.of(EmailAddress.of("a@example.com")),
                null, "Hi", "Body", null, Map.of());

        assertThat(sender(Duration.ofSeconds(5)).send(plain).providerMessageId()).isEqualTo("text-only");
        resend.verify(postRequestedFor(urlEqualTo("/emails")).withRequestBody(equalToJson("""
                {"from": "noreply@classentra.test", "to": ["a@example.com"], "subject": "Hi", "text": "Body", "headers": {}}""")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "429, rate_limit_exceeded, RETRYABLE",
            "500, application_error, RETRYABLE",
            "503, '', RETRYABLE",
            "409, concurrent_idempotent_requests, RETRYABLE",
            "422, validation_error, PERMANENT",
            "400, invalid_idempotency_key, PERMANENT",
            "409, invalid_idempotent_request, PERMANENT",
            "401, missing_api_key, MISCONFIGURED",
            "403, invalid_api_key, MISCONFIGURED",
            "403, validation_error, MISCONFIGURED",
            "422, invalid_from_address, MISCONFIGURED",
            "404, not_found, MISCONFIGURED"})
    void errorAnswersAreMappedToWhatTheOutboxShouldDo(int status, String name, Kind kind) {
        String body = name.isEmpty() ? "<html>Service Unavailable</html>"
                : "{\"statusCode\":" + status + ",\"name\":\"" + name + "\",\"message\":\"explained by Resend\"}";
        resend.stubFor(post("/emails").willReturn(aResponse().withStatus(status).withBody(body)));

        ProviderException failure = sendAndFail(sender(Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).startsWith("Resend answered " + status)
                .contains(name.isEmpty() ? "Service Unavailable" : "explained by Resend").doesNotContain(KEY);
    }

    @Test
    void aSlowAnswerTimesOutAsRetryable() {
        resend.stubFor(post("/emails").willReturn(okJson("{\"id\":\"late\"}").withFixedDelay(2_000)));

        ProviderException failure = sendAndFail(sender(Duration.ofMillis(300)));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).contains("did not answer within");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ResendSender sender = new ResendSender(URI.create("http://127.0.0.1:" + closedPort), KEY, Duration.ofSeconds(2));

        ProviderException failure = sendAndFail(sender);
        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).startsWith("Cannot connect to Resend at http://127.0.0.1:" + closedPort);
        assertThat(sender.checkHealth().healthy()).isFalse();
    }

    @Test
    void aHeaderThatWouldBreakTheMessageIsRefusedBeforeAnyRequest() {
        EmailMessage evil = new EmailMessage("k-2", EmailAddress.of("noreply@classentra.test"), List.of(EmailAddress.of("a@example.com")),
                null, "Hi", "Body", null, Map.of("Bcc", "attacker@evil.test"));

        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(evil)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
        resend.verify(0, postRequestedFor(urlEqualTo("/emails")));
    }

    @Test
    void healthListsDomainsWithTheKeyAndAcceptsASendingOnlyKey() {
        resend.stubFor(get("/domains").willReturn(okJson("""
                {"data": [{"name": "classentra.test", "status": "verified"}, {"name": "new.test", "status": "pending"}]}""")));
        assertThat(sender(Duration.ofSeconds(5)).checkHealth())
                .isEqualTo(HealthReport.healthy("Resend accepted the API key; 1 verified sending domain(s)"));
        resend.verify(getRequestedFor(urlEqualTo("/domains")).withHeader("Authorization", equalTo("Bearer " + KEY)));

        resend.stubFor(get("/domains").willReturn(aResponse().withStatus(401).withBody(
                "{\"statusCode\":401,\"name\":\"restricted_api_key\",\"message\":\"This API key is restricted to only send emails\"}")));
        assertThat(sender(Duration.ofSeconds(5)).checkHealth().healthy()).isTrue();

        resend.stubFor(get("/domains").willReturn(aResponse().withStatus(403).withBody(
                "{\"statusCode\":403,\"name\":\"invalid_api_key\",\"message\":\"API key is invalid\"}")));
        assertThat(sender(Duration.ofSeconds(5)).checkHealth())
                .isEqualTo(HealthReport.unhealthy("Resend answered 403 invalid_api_key: API key is invalid"));
    }

    private static ProviderException sendAndFail(ResendSender sender) {
        ProviderException[] caught = new ProviderException[1];
        assertThatThrownBy(() -> sender.send(message(null))).isInstanceOfSatisfying(ProviderException.class, e -> caught[0] = e);
        return caught[0];
    }
}
