package com.classentra.plugins.email.ses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SesEmailProviderTest {

    private static final String ACCESS_KEY = "AKIATESTKEY000000001";
    private static final String SECRET = "test/Secret+Key0123456789abcdefghijklmnop";
    private static final String SEND_PATH = "/v2/email/outbound-emails";

    @TempDir
    Path work;

    private final SesEmailProvider provider = new SesEmailProvider();
    private WireMockServer ses;
    private EmailSender sender;

    @BeforeEach
    void startSes() throws Exception {
        ses = new WireMockServer(options().dynamicPort());
        ses.start();
        sender = sender(SECRET);
    }

    @AfterEach
    void stopSes() {
        sender.close();
        ses.stop();
    }

    private Map<String, String> settings(String secret) {
        Map<String, String> values = new HashMap<>();
        values.put(SesEmailProvider.REGION, "eu-west-1");
        values.put(SesEmailProvider.ACCESS_KEY_ID, ACCESS_KEY);
        values.put(SesEmailProvider.SECRET_ACCESS_KEY, secret);
        values.put(SesEmailProvider.ENDPOINT, ses.baseUrl());
        values.put(SesEmailProvider.CONFIGURATION_SET, "classentra-transactional");
        return values;
    }

    private EmailSender sender(String secret) throws ProviderException {
        var validation = provider.descriptor().configSchema().validate(settings(secret));
        assertThat(validation.errors()).isEmpty();
        return provider.create(validation.config(), new ProviderContext(work));
    }

    private static EmailMessage message() {
        return new EmailMessage("outbox-1", new EmailAddress("noreply@classentra.test", "Classentra"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay"), EmailAddress.of("bob@example.com")),
                EmailAddress.of("teacher@example.com"), "Vérifiez votre adresse", "Open https://x.test/v/1",
                "<p>Open <a href=\"https://x.test/v/1\">this link</a></p>",
                Map.of("List-Unsubscribe", "<https://x.test/u/1>"));
    }

    /** The stub answers only requests whose SigV4 signature recomputes with the known secret. */
    private static MatchResult signedWith(Request request, String secret) {
        return MatchResult.of(SigV4Check.signatureMatches(request, secret));
    }

    private void stubSendAccepted() {
        ses.stubFor(post(urlEqualTo(SEND_PATH)).atPriority(1)
                .andMatching(request -> signedWith(request, SECRET))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"MessageId\":\"0102018f-5a0c-4e0c-9d6b-000000000001-000000\"}")));
        ses.stubFor(post(urlEqualTo(SEND_PATH)).atPriority(10).willReturn(error(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + text + "\"}");
    }

    @Test
    void sendsOneSignedSendEmailCallAndReturnsTheSesMessageId() throws Exception {
        stubSendAccepted();

        var receipt = sender.send(message());

        assertThat(receipt.providerMessageId()).isEqualTo("0102018f-5a0c-4e0c-9d6b-000000000001-000000");
        String encodedName = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("Amélie Tremblay".getBytes(StandardCharsets.UTF_8)) + "?=";
        ses.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "Credential=" + ACCESS_KEY + "/"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("/eu-west-1/ses/aws4_request"))
                .withRequestBody(matchingJsonPath("$.FromEmailAddress", equalTo("\"Classentra\" <noreply@classentra.test>")))
                .withRequestBody(matchingJsonPath("$.Destination.ToAddresses[0]", equalTo(encodedName + " <amelie@example.com>")))
                .withRequestBody(matchingJsonPath("$.Destination.ToAddresses[1]", equalTo("bob@example.com")))
                .withRequestBody(matchingJsonPath("$.ReplyToAddresses[0]", equalTo("teacher@example.com")))
                .withRequestBody(matchingJsonPath("$.ConfigurationSetName", equalTo("classentra-transactional")))
                .withRequestBody(matchingJsonPath("$.Content.Simple", equalToJson("""
                        {"Subject": {"Data": "Vérifiez votre adresse", "Charset": "UTF-8"},
                         "Body": {"Text": {"Data": "Open https://x.test/v/1", "Charset": "UTF-8"},
                                  "Html": {"Data": "<p>Open <a href=\\"https://x.test/v/1\\">this link</a></p>", "Charset": "UTF-8"}},
                         "Headers": [{"Name": "List-Unsubscribe", "Value": "<https://x.test/u/1>"}]}
                        """))));
        Request received = ses.getAllServeEvents().getFirst().getRequest();
        assertThat(SigV4Check.signatureMatches(received, SECRET)).isTrue();
        // The check can fail: the same request does not verify against another secret.
        assertThat(SigV4Check.signatureMatches(received, SECRET + "x")).isFalse();
    }

    @Test
    void aWrongSecretProducesASignatureSesRefusesAsMisconfigured() throws Exception {
        stubSendAccepted();
        try (EmailSender wrong = sender("wrong/Secret+Key0123456789abcdefghijklmnop")) {
            assertThatThrownBy(() -> wrong.send(message())).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.MISCONFIGURED);
                assertThat(e.getMessage()).contains("SignatureDoesNotMatch").doesNotContain("wrong/Secret");
            });
        }
        Request received = ses.getAllServeEvents().getFirst().getRequest();
        assertThat(SigV4Check.signatureMatches(received, SECRET)).isFalse();
        assertThat(SigV4Check.signatureMatches(received, "wrong/Secret+Key0123456789abcdefghijklmnop")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "429, TooManyRequestsException, RETRYABLE",
            "400, ThrottlingException, RETRYABLE",
            "400, LimitExceededException, RETRYABLE",
            "500, InternalServiceErrorException, RETRYABLE",
            "503, ServiceUnavailable, RETRYABLE",
            "400, MessageRejected, PERMANENT",
            "400, BadRequestException, PERMANENT",
            "403, UnrecognizedClientException, MISCONFIGURED",
            "403, InvalidClientTokenId, MISCONFIGURED",
            "400, AccountSuspendedException, MISCONFIGURED",
            "400, SendingPausedException, MISCONFIGURED"})
    void serviceErrorsMapToTheirKind(int status, String type, Kind expected) {
        ses.stubFor(post(urlEqualTo(SEND_PATH)).willReturn(error(status, type, "Simulated " + type)));

        assertThatThrownBy(() -> sender.send(message())).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.getMessage()).contains("Simulated " + type).contains(type).contains("HTTP " + status)
                    .doesNotContain(SECRET);
        });
        // No SDK retries: the outbox decides when to try again.
        ses.verify(1, postRequestedFor(urlEqualTo(SEND_PATH)));
    }

    @Test
    void anUnreachableEndpointIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> values = settings(SECRET);
        values.put(SesEmailProvider.ENDPOINT, "http://127.0.0.1:" + closedPort);
        try (EmailSender unreachable = provider.create(provider.descriptor().configSchema().validate(values).config(),
                new ProviderContext(work))) {
            assertThatThrownBy(() -> unreachable.send(message())).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.RETRYABLE));
            assertThat(unreachable.checkHealth().healthy()).isFalse();
        }
    }

    @Test
    void headersThatWouldOverrideTheMessageAreRefusedBeforeAnyCall() {
        for (String name : new String[] {"Bcc", "From", "X-Evil\r\nBcc: attacker@example.com", "X Space"}) {
            EmailMessage base = message();
            EmailMessage evil = new EmailMessage("k", base.from(), base.to(), null, "s", "t", null, Map.of(name, "v"));
            assertThatThrownBy(() -> sender.send(evil)).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT));
        }
        assertThat(ses.getAllServeEvents()).isEmpty();
    }

    @Test
    void healthIsAGetAccountCallExplainedInOneSentence() {
        ses.stubFor(get(urlEqualTo("/v2/email/account")).andMatching(request -> signedWith(request, SECRET))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"SendingEnabled\":true,\"ProductionAccessEnabled\":false,\"EnforcementStatus\":\"HEALTHY\"}")));
        var healthy = sender.checkHealth();
        assertThat(healthy.healthy()).isTrue();
        assertThat(healthy.detail()).isEqualTo("SES in eu-west-1 can send, sandbox (verified recipients only).");

        ses.resetAll();
        ses.stubFor(get(urlEqualTo("/v2/email/account")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"SendingEnabled\":false}")));
        assertThat(sender.checkHealth().detail()).isEqualTo("Sending is paused for this SES account in eu-west-1.");

        ses.resetAll();
        ses.stubFor(get(urlEqualTo("/v2/email/account")).willReturn(error(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.")));
        var refused = sender.checkHealth();
        assertThat(refused.healthy()).isFalse();
        assertThat(refused.detail()).isEqualTo("SES in eu-west-1 did not answer: The security token included in the request "
                + "is invalid. (UnrecognizedClientException, HTTP 403).");
    }

    @Test
    void settingsAreCheckedFieldByField() {
        var schema = provider.descriptor().configSchema();
        Map<String, String> values = settings(SECRET);
        values.put(SesEmailProvider.REGION, "bad region");
        values.remove(SesEmailProvider.SECRET_ACCESS_KEY);

        assertThat(schema.validate(values).errors()).containsExactlyInAnyOrder(
                new FieldError("region", "Region must be an AWS region id such as eu-west-1"),
                new FieldError("secretAccessKey", "Secret access key is required"));
        assertThat(schema.field(SesEmailProvider.SECRET_ACCESS_KEY).orElseThrow().secret()).isTrue();

        values = settings(SECRET);
        values.put(SesEmailProvider.REGION, "xx-nowhere-9");
        assertThat(provider.validate(schema.validate(values).config()))
                .containsExactly(new FieldError("region", "Region xx-nowhere-9 is not an AWS region"));
        assertThat(provider.validate(schema.validate(settings(SECRET)).config())).isEmpty();
    }

    @Test
    void disclosureNamesAwsAndTheConfiguredRegion() {
        var disclosure = provider.disclosure(new ProviderConfig(Map.of(SesEmailProvider.REGION, "eu-central-1")));

        assertThat(disclosure.sharesPersonalData()).isTrue();
        assertThat(disclosure.legalEntity()).isEqualTo("Amazon Web Services, Inc.");
        assertThat(disclosure.purpose()).isEqualTo("Transactional email delivery (Amazon SES)");
        assertThat(disclosure.location()).isEqualTo("AWS region eu-central-1");
        assertThat(disclosure.dataCategories()).containsExactly("Email address", "name", "message content");
        assertThat(disclosure.dpfStatus()).isEqualTo(DpfStatus.YES);
    }
}
