package com.classentra.plugins.email.postmark;

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

class PostmarkSenderTest {

    private static final String TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String SENT = """
            {"To": "amelie@example.com", "SubmittedAt": "2026-11-24T10:00:00Z", "MessageID": "b7bc2f4a-e38e-4336-af7d-e6c392c2f817",
             "ErrorCode": 0, "Message": "OK"}""";

    @RegisterExtension
    static final WireMockExtension postmark = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static PostmarkSender sender(String stream, Duration timeout) {
        return new PostmarkSender(URI.create(postmark.baseUrl()), TOKEN, stream, timeout);
    }

    private static EmailMessage message(String html) {
        return new EmailMessage("outbox-42", new EmailAddress("noreply@classentra.test", "Classentra Académie"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay"), new EmailAddress("ops@example.com", "Ops, Team")),
                EmailAddress.of("help@classentra.test"), "Vérifiez votre adresse", "Open https://x.test/v/1", html,
                Map.of("X-Injected", "ok\r\nBcc: attacker@evil.test", "List-Unsubscribe", "<https://x.test/u/1>"));
    }

    @Test
    void postsTheMessageWithTheServerTokenOnTheConfiguredStream() throws Exception {
        postmark.stubFor(post("/email").willReturn(okJson(SENT)));

        var receipt = sender("password-resets", Duration.ofSeconds(5)).send(message("<p>Ouvrez</p>"));

        assertThat(receipt.providerMessageId()).isEqualTo("b7bc2f4a-e38e-4336-af7d-e6c392c2f817");
        postmark.verify(1, postRequestedFor(urlEqualTo("/email"))
                .withHeader("X-Postmark-Server-Token", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "From": "Classentra Académie <noreply@classentra.test>",
                          "To": "Amélie Tremblay <amelie@example.com>, \\"Ops, Team\\" <ops@example.com>",
                          "Subject": "Vérifiez votre adresse",
                          "TextBody": "Open https://x.test/v/1",
                          "HtmlBody": "<p>Ouvrez</p>",
                          "ReplyTo": "help@classentra.test",
                          "Headers": [{"Name": "List-Unsubscribe", "Value": "<https://x.test/u/1>"},
                                      {"Name": "X-Injected", "Value": "ok Bcc: attacker@evil.test"}],
                          "MessageStream": "password-resets",
                          "Metadata": {"outbox-id": "outbox-42"}
                        }""")));
    }

    @Test
    void aTextOnlyMessageSendsNoHtmlBody() throws Exception {
        postmark.stubFor(post("/email").willReturn(okJson(SENT)));
        EmailMessage plain = new EmailMessage("k-1", EmailAddress.of("noreply@classentra.test"), List.of(EmailAddress.of("a@example.com")),
                null, "Hi", "Body", null, Map.of());

        sender("outbound", Duration.ofSeconds(5)).send(plain);
        postmark.verify(postRequestedFor(urlEqualTo("/email")).withRequestBody(equalToJson("""
                {"From": "noreply@classentra.test", "To": "a@example.com", "Subject": "Hi", "TextBody": "Body", "Headers": [],
                 "MessageStream": "outbound", "Metadata": {"outbox-id": "k-1"}}""")));
    }

    @ParameterizedTest(name = "{0} ErrorCode {1} -> {2}")
    @CsvSource({
            "422, 300, PERMANENT",
            "422, 406, PERMANENT",
            "422, 10, MISCONFIGURED",
            "401, 10, MISCONFIGURED",
            "422, 400, MISCONFIGURED",
            "422, 412, MISCONFIGURED",
            "429, 429, RETRYABLE",
            "500, -1, RETRYABLE",
            "503, 100, RETRYABLE"})
    void errorAnswersAreMappedToWhatTheOutboxShouldDo(int status, int errorCode, Kind kind) {
        String body = errorCode < 0 ? "Internal Server Error" : "{\"ErrorCode\":" + errorCode + ",\"Message\":\"explained by Postmark\"}";
        postmark.stubFor(post("/email").willReturn(aResponse().withStatus(status).withBody(body)));

        ProviderException failure = sendAndFail(sender("outbound", Duration.ofSeconds(5)));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.getMessage()).startsWith("Postmark answered " + status)
                .contains(errorCode < 0 ? "Internal Server Error" : "explained by Postmark").doesNotContain(TOKEN);
    }

    @Test
    void aSlowAnswerTimesOutAsRetryable() {
        postmark.stubFor(post("/email").willReturn(okJson(SENT).withFixedDelay(2_000)));

        ProviderException failure = sendAndFail(sender("outbound", Duration.ofMillis(300)));

        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).contains("did not answer within");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        PostmarkSender sender = new PostmarkSender(URI.create("http://127.0.0.1:" + closedPort), TOKEN, "outbound", Duration.ofSeconds(2));

        ProviderException failure = sendAndFail(sender);
        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.getMessage()).startsWith("Cannot connect to Postmark at http://127.0.0.1:" + closedPort);
        assertThat(sender.checkHealth().healthy()).isFalse();
    }

    @Test
    void aReservedHeaderIsRefusedBeforeAnyRequest() {
        EmailMessage evil = new EmailMessage("k-2", EmailAddress.of("noreply@classentra.test"), List.of(EmailAddress.of("a@example.com")),
                null, "Hi", "Body", null, Map.of("To", "attacker@evil.test"));

        assertThatThrownBy(() -> sender("outbound", Duration.ofSeconds(5)).send(evil)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
        postmark.verify(0, postRequestedFor(urlEqualTo("/email")));
    }

    @Test
    void healthReadsTheServerWithTheToken() {
        postmark.stubFor(get("/server").willReturn(okJson("{\"ID\": 1, \"Name\": \"Classentra production\"}")));
        assertThat(sender("outbound", Duration.ofSeconds(5)).checkHealth()).isEqualTo(HealthReport.healthy(
                "Postmark accepted the server token of server \"Classentra production\"; sending on stream outbound"));
        postmark.verify(getRequestedFor(urlEqualTo("/server")).withHeader("X-Postmark-Server-Token", equalTo(TOKEN)));

        postmark.stubFor(get("/server").willReturn(aResponse().withStatus(401).withBody(
                "{\"ErrorCode\":10,\"Message\":\"Request does not contain a valid Server token.\"}")));
        assertThat(sender("outbound", Duration.ofSeconds(5)).checkHealth()).isEqualTo(HealthReport.unhealthy(
                "Postmark answered 401 (ErrorCode 10): Request does not contain a valid Server token."));
    }

    private static ProviderException sendAndFail(PostmarkSender sender) {
        ProviderException[] caught = new ProviderException[1];
        assertThatThrownBy(() -> sender.send(message(null))).isInstanceOfSatisfying(ProviderException.class, e -> caught[0] = e);
        return caught[0];
    }
}
