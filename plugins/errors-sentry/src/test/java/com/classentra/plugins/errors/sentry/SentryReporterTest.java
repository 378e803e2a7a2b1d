package com.classentra.plugins.errors.sentry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.errors.ErrorEvent;
import com.classentra.plugin.api.errors.ErrorReporter;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a WireMock standing in for Sentry's envelope endpoint: checks what actually goes over the wire. */
class SentryReporterTest {

    private static final String PUBLIC_KEY = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    private static final String ENDPOINT = "/api/4507/envelope/";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbWVsaWUifQ.c2lnbmF0dXJlLXZhbHVlLTEyMw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final WireMockServer sentry = new WireMockServer(options().dynamicPort());
    private final java.util.ArrayList<ErrorReporter> opened = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        sentry.start();
    }

    @AfterEach
    void stop() {
        opened.forEach(ErrorReporter::close);
        sentry.stop();
    }

    private String dsn() {
        return "http://" + PUBLIC_KEY + "@127.0.0.1:" + sentry.port() + "/4507";
    }

    private ErrorReporter reporter(Map<String, String> overrides) throws ProviderException {
        Map<String, String> form = new HashMap<>(Map.of(SentryProvider.DSN, dsn(), SentryProvider.ENVIRONMENT, "staging"));
        form.putAll(overrides);
        var validation = new SentryProvider().descriptor().configSchema().validate(form);
        assertThat(validation.errors()).isEmpty();
        assertThat(new SentryProvider().validate(validation.config())).isEmpty();
        ErrorReporter reporter = new SentryProvider().create(validation.config(), new ProviderContext(work));
        opened.add(reporter);
        return reporter;
    }

    private ErrorReporter reporter() throws ProviderException {
        return reporter(Map.of());
    }

    private void answer(int status) {
        sentry.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(status).withBody("{\"detail\":\"status " + status + "\"}")));
    }

    private static ErrorEvent eventFullOfPersonalData(String id) {
        return new ErrorEvent(id, Instant.parse("2026-11-24T10:15:30.123Z"), "java.lang.IllegalStateException",
                "Cannot grade Student[id=7, displayName=Amélie Tremblay, email=amelie.tremblay@example.com] "
                        + "after GET /courses?token=tok_4f9a8b7c6d5e&page=2 with Authorization: Bearer " + JWT + "\n"
                        + "Cookie: JSESSIONID=8E2F7A1B9C3D; remember-me=a1",
                List.of("com.classentra.grading.Gradebook.grade(Gradebook.java:88)",
                        "com.classentra.grading.GradingView.lambda$save$3(GradingView.java:120)",
                        "java.base/java.lang.Thread.run(Thread.java:1583)"),
                "classentra@0.1.0", Map.of("route", "/courses/{id}/grading", "user.email", "amelie.tremblay@example.com"));
    }

    @Test
    void aLegacyDsnsSecretKeyNeverLeavesTheServer() throws Exception {
        answer(200);
        String legacy = "http://" + PUBLIC_KEY + ":legacy-secret-0042@127.0.0.1:" + sentry.port() + "/4507";
        reporter(Map.of(SentryProvider.DSN, legacy)).report(eventFullOfPersonalData(UUID.randomUUID().toString()));

        LoggedRequest request = sentry.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).getFirst();
        assertThat(request.getBodyAsString()).doesNotContain("legacy-secret-0042").contains("\"dsn\":\"" + dsn() + "\"");
        assertThat(request.getHeader("X-Sentry-Auth")).doesNotContain("legacy-secret-0042");
    }

    @Test
    void postsAnEnvelopeWithTheKeyTheProjectAndTheExceptionButNoPersonalData() throws Exception {
        answer(200);
        String id = UUID.randomUUID().toString();
        reporter().report(eventFullOfPersonalData(id));

        List<LoggedRequest> requests = sentry.findAll(postRequestedFor(urlEqualTo(ENDPOINT)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("X-Sentry-Auth"))
                .startsWith("Sentry sentry_version=7, sentry_client=classentra/")
                .endsWith("sentry_key=" + PUBLIC_KEY);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-sentry-envelope");

        String body = request.getBodyAsString();
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode header = JSON.readTree(lines.get(0));
        JsonNode item = JSON.readTree(lines.get(1));
        JsonNode event = JSON.readTree(lines.get(2));
        String eventId = id.replace("-", "");
        assertThat(header.get("event_id").asString()).isEqualTo(eventId);
        assertThat(header.get("dsn").asString()).isEqualTo(dsn());
        assertThat(Instant.parse(header.get("sent_at").asString())).isNotNull();
        assertThat(item.get("type").asString()).isEqualTo("event");
        assertThat(item.get("length").asInt()).isEqualTo(lines.get(2).getBytes(StandardCharsets.UTF_8).length);

        assertThat(event.get("event_id").asString()).isEqualTo(eventId);
        assertThat(event.get("platform").asString()).isEqualTo("java");
        assertThat(event.get("level").asString()).isEqualTo("error");
        assertThat(event.get("release").asString()).isEqualTo("classentra@0.1.0");
        assertThat(event.get("environment").asString()).isEqualTo("staging");
        assertThat(event.get("timestamp").asString()).isEqualTo("2026-11-24T10:15:30.123Z");
        assertThat(event.get("tags").get("route").asString()).isEqualTo("/courses/{id}/grading");
        JsonNode exception = event.get("exception").get("values").get(0);
        assertThat(exception.get("type").asString()).isEqualTo("IllegalStateException");
        assertThat(exception.get("module").asString()).isEqualTo("java.lang");
        assertThat(exception.get("value").asString()).startsWith("Cannot grade Student[id=7, ");
        JsonNode frames = exception.get("stacktrace").get("frames");
        assertThat(frames).hasSize(3);
        // Outermost first, innermost (where it was thrown) last, as Sentry lists them.
        assertThat(frames.get(0).get("module").asString()).isEqualTo("java.lang.Thread");
        assertThat(frames.get(0).get("in_app").asBoolean()).isFalse();
        assertThat(frames.get(2).get("module").asString()).isEqualTo("com.classentra.grading.Gradebook");
        assertThat(frames.get(2).get("function").asString()).isEqualTo("grade");
        assertThat(frames.get(2).get("filename").asString()).isEqualTo("Gradebook.java");
        assertThat(frames.get(2).get("lineno").asInt()).isEqualTo(88);
        assertThat(frames.get(2).get("in_app").asBoolean()).isTrue();

        assertThat(body).doesNotContain("Amélie", "Tremblay", "amelie", "example.com", "tok_4f9a8b7c6d5e", JWT, "eyJ",
                "8E2F7A1B9C3D", "remember-me");
    }

    @Test
    void theSameReportSentTwiceKeepsItsEventIdSoSentryStoresItOnce() throws Exception {
        answer(200);
        ErrorReporter reporter = reporter();
        String id = UUID.randomUUID().toString();
        reporter.report(eventFullOfPersonalData(id));
        reporter.report(eventFullOfPersonalData(id));
        List<String> ids = sentry.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).stream()
                .map(r -> r.getBodyAsString().lines().findFirst().orElseThrow()).toList();
        assertThat(ids).hasSize(2).allSatisfy(line -> assertThat(line).contains(id.replace("-", "")));
        assertThat(SentryEnvelope.eventId("not-a-uuid")).hasSize(32).matches("[0-9a-f]+").isEqualTo(SentryEnvelope.eventId("not-a-uuid"));
    }

    @Test
    void answersAreSortedIntoRetryLaterGiveUpAndFixTheSettings() throws Exception {
        ErrorReporter reporter = reporter();
        Map<Integer, ProviderException.Kind> expected = Map.of(
                500, ProviderException.Kind.RETRYABLE, 503, ProviderException.Kind.RETRYABLE,
                401, ProviderException.Kind.MISCONFIGURED, 403, ProviderException.Kind.MISCONFIGURED,
                400, ProviderException.Kind.PERMANENT, 413, ProviderException.Kind.PERMANENT);
        for (var entry : expected.entrySet()) {
            sentry.resetAll();
            answer(entry.getKey());
            assertThatThrownBy(() -> reporter.report(eventFullOfPersonalData(UUID.randomUUID().toString())))
                    .as("HTTP %d", entry.getKey())
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(entry.getValue());
                        assertThat(e.getMessage()).contains("HTTP " + entry.getKey()).doesNotContain(PUBLIC_KEY);
                    });
        }
    }

    @Test
    void aRateLimitIsHonouredUntilRetryAfterHasPassed() throws Exception {
        ErrorReporter reporter = reporter();
        sentry.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        assertThatThrownBy(() -> reporter.report(eventFullOfPersonalData(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE));
        assertThatThrownBy(() -> reporter.report(eventFullOfPersonalData(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage()).contains("no reports before"));
        sentry.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)));

        Thread.sleep(1100);
        sentry.resetAll();
        answer(200);
        reporter.report(eventFullOfPersonalData(UUID.randomUUID().toString()));
        sentry.verify(1, postRequestedFor(urlEqualTo(ENDPOINT)));
    }

    @Test
    void aSlowOrAbsentServerIsATemporaryFailure() throws Exception {
        sentry.stubFor(post(urlEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        ErrorReporter slow = reporter(Map.of(SentryProvider.TIMEOUT_MS, "500"));
        assertThatThrownBy(() -> slow.report(eventFullOfPersonalData(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE);
                    assertThat(e.getMessage()).contains("did not answer within 500 ms");
                });

        int closed = freePort();
        ErrorReporter absent = reporter(Map.of(SentryProvider.DSN, "http://" + PUBLIC_KEY + "@127.0.0.1:" + closed + "/4507"));
        assertThatThrownBy(() -> absent.report(eventFullOfPersonalData(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE));
        HealthReport health = absent.checkHealth();
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("Cannot reach Sentry at 127.0.0.1:" + closed);
    }

    @Test
    void theHealthCheckSendsAnEmptyClientReportAndExplainsARefusal() throws Exception {
        answer(200);
        HealthReport healthy = reporter().checkHealth();
        assertThat(healthy.healthy()).isTrue();
        LoggedRequest check = sentry.findAll(postRequestedFor(urlEqualTo(ENDPOINT))).get(0);
        assertThat(check.getHeader("X-Sentry-Auth")).contains("sentry_key=" + PUBLIC_KEY);
        List<String> lines = check.getBodyAsString().lines().toList();
        assertThat(JSON.readTree(lines.get(1)).get("type").asString()).isEqualTo("client_report");
        assertThat(JSON.readTree(lines.get(2)).get("discarded_events")).isEmpty();

        sentry.resetAll();
        answer(403);
        HealthReport refused = reporter().checkHealth();
        assertThat(refused.healthy()).isFalse();
        assertThat(refused.detail()).contains("HTTP 403").contains("key");
    }

    @Test
    void malformedDsnsAreRefusedWithAFieldMessage() {
        SentryProvider provider = new SentryProvider();
        var schema = provider.descriptor().configSchema();
        for (String bad : List.of("not a url", "https://sentry.io/123", "https://key@o1.ingest.sentry.io/", "https://key@o1.ingest.sentry.io/project",
                "ftp://key@sentry.example.org/1")) {
            assertThat(schema.validate(Map.of(SentryProvider.DSN, bad)).errors()).as(bad)
                    .containsExactly(new FieldError(SentryProvider.DSN, "DSN must look like https://<public key>@<host>/<project id>"));
        }
        ProviderConfig underscoreHost = schema.validate(Map.of(SentryProvider.DSN, "https://key@sentry_box.internal/3")).config();
        assertThat(provider.validate(underscoreHost)).containsExactly(new FieldError(SentryProvider.DSN, "DSN has no host"));
        assertThat(schema.field(SentryProvider.DSN).orElseThrow().secret()).isTrue();
    }

    @Test
    void sentryIoIsDisclosedAsTheSubprocessorListNamesItAndAnyOtherHostAsSelfHosted() {
        SentryProvider provider = new SentryProvider();
        var schema = provider.descriptor().configSchema();
        SubprocessorDisclosure hosted = provider.disclosure(schema.validate(
                Map.of(SentryProvider.DSN, "https://" + PUBLIC_KEY + "@o4504.ingest.us.sentry.io/4507")).config());
        assertThat(hosted.sharesPersonalData()).isTrue();
        assertThat(hosted.legalEntity()).isEqualTo("Functional Software, Inc. (Sentry)");
        assertThat(hosted.purpose()).isEqualTo("Error tracking and performance monitoring");
        assertThat(hosted.location()).isEqualTo("United States");
        assertThat(hosted.dataCategories()).containsExactly("Error stack traces", "scrubbed browser context (no PII)");
        assertThat(hosted.dpfStatus()).isEqualTo(SubprocessorDisclosure.DpfStatus.YES);

        SubprocessorDisclosure selfHosted = provider.disclosure(schema.validate(
                Map.of(SentryProvider.DSN, "https://" + PUBLIC_KEY + "@sentry.example.org/sentry/3")).config());
        assertThat(selfHosted.sharesPersonalData()).isFalse();
        assertThat(selfHosted.purpose()).contains("infrastructure you operate");
        assertThat(SentryDsn.parse("https://" + PUBLIC_KEY + "@sentry.example.org/sentry/3").envelopeEndpoint())
                .hasToString("https://sentry.example.org/sentry/api/3/envelope/");
        assertThat(SentryDsn.parse("https://" + PUBLIC_KEY + "@sentry.example.org/sentry/3").toString()).doesNotContain(PUBLIC_KEY);
        // A look-alike domain is not Sentry's service.
        assertThat(SentryDsn.parse("https://k@evilsentry.io/1").hostedBySentry()).isFalse();

        // A Sentry another company hosts is named with the company the administrator gives.
        ProviderConfig hostedElsewhere = schema.validate(Map.of(SentryProvider.DSN, "https://" + PUBLIC_KEY + "@errors.example.cloud/3",
                SentryProvider.OPERATOR_NAME, "Example Cloud GmbH", SentryProvider.OPERATOR_LOCATION, "Germany")).config();
        assertThat(provider.validate(hostedElsewhere)).isEmpty();
        SubprocessorDisclosure elsewhere = provider.disclosure(hostedElsewhere);
        assertThat(elsewhere.sharesPersonalData()).isTrue();
        assertThat(elsewhere.legalEntity()).isEqualTo("Example Cloud GmbH");
        assertThat(elsewhere.location()).isEqualTo("Germany");
        ProviderConfig halfNamed = schema.validate(Map.of(SentryProvider.DSN, "https://" + PUBLIC_KEY + "@errors.example.cloud/3",
                SentryProvider.OPERATOR_NAME, "Example Cloud GmbH")).config();
        assertThat(provider.validate(halfNamed)).extracting(FieldError::field).containsExactly(SentryProvider.OPERATOR_LOCATION);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
