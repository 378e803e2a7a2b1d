package com.classentra.platform.errors;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.ERROR_REPORT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.db.jooq.tables.records.ErrorReportRecord;
import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.PluginHost;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.Slot;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.FailingRequestController;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A request that fails in the running application, end to end: captured by the filter, scrubbed, queued in
 * error_report, and sent by the dispatcher through the errors-sentry plugin (loaded by PF4J from its jar) to a
 * WireMock standing in for Sentry.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class ErrorReportingTest {

    private static final String PUBLIC_KEY = "5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b";
    private static final String ENVELOPES = "/api/42/envelope/";
    private static final String NAME_FIRST = "Amélie";
    private static final String NAME_LAST = "Tremblay-Okonkwo";

    @Autowired
    Environment environment;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PlatformSql platform;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    SlotRegistry slots;
    @Autowired
    PluginHost host;
    @Autowired
    ErrorReportDispatcher dispatcher;
    @Autowired
    MeterRegistry meters;

    private final WireMockServer sentry = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void sentryAnswers() {
        sentry.start();
        sentry.stubFor(post(urlEqualTo(ENVELOPES)).willReturn(aResponse().withStatus(200).withBody("{}")));
        platform.call(sql -> sql.deleteFrom(ERROR_REPORT).execute());
    }

    @AfterEach
    void stop() {
        platform.resetPluginSlots();
        sentry.stop();
    }

    private void useSentry() throws ConfigRejectedException {
        switcher.switchProvider(Slot.ERRORS, "sentry", Map.of("dsn", "http://" + PUBLIC_KEY + "@127.0.0.1:" + sentry.port() + "/42"), null, TestSwitches.AT_ONCE);
    }

    /** Signs in over HTTP as a person with a distinctive name, then asks for the failing page. */
    private final class Visitor {
        final Account account = accounts.create(Role.TEACHER);
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        Visitor() throws Exception {
            platform.call(sql -> sql.update(APP_USER).set(APP_USER.FIRST_NAME, NAME_FIRST).set(APP_USER.LAST_NAME, NAME_LAST)
                    .where(APP_USER.ID.eq(account.id())).execute());
            send(HttpRequest.newBuilder(uri("/login")));
            String form = "username=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(account.password(), StandardCharsets.UTF_8);
            HttpResponse<String> signIn = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        HttpResponse<String> fail(String invite) throws Exception {
            return send(HttpRequest.newBuilder(uri(FailingRequestController.PATH + "/" + UUID.randomUUID() + "?invite=" + invite)));
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }

    private List<ErrorReportRecord> reports() {
        return platform.call(sql -> sql.selectFrom(ERROR_REPORT).orderBy(ERROR_REPORT.CREATED_AT).fetch());
    }

    private void burstWindowPasses() {
        platform.call(sql -> sql.update(ERROR_REPORT).set(ERROR_REPORT.NEXT_ATTEMPT_AT, java.time.OffsetDateTime.now().minusSeconds(1))
                .where(ERROR_REPORT.STATUS.eq("PENDING")).execute());
    }

    private List<LoggedRequest> eventsReceived() {
        return sentry.findAll(postRequestedFor(urlEqualTo(ENVELOPES)).withRequestBody(containing("\"type\":\"event\"")));
    }

    private double reportCount(String outcome) {
        var counter = meters.find(ErrorCapture.METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Deliveries are counted like every durable queue's rows. */
    private double deliveryCount(String outcome) {
        return meters.get("classentra.queue.handled").tag("queue", "error-report").tag("outcome", outcome).counter().count();
    }

    @Test
    void aFailedRequestIsReportedOnceScrubbedAndDeliveredToSentryThroughThePlugin() throws Exception {
        useSentry();
        Visitor visitor = new Visitor();
        String invite = "inv" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        for (int i = 0; i < 3; i++) {
            assertThat(visitor.fail(invite).statusCode()).isEqualTo(500);
        }

        List<ErrorReportRecord> queued = reports();
        assertThat(queued).as("a burst of the same error is one row").singleElement().satisfies(row -> {
            assertThat(row.getOccurrences()).isEqualTo(3);
            assertThat(row.getStatus()).isEqualTo("PENDING");
            assertThat(row.getExceptionType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(row.getStackFrames()[0]).startsWith("com.classentra.testsupport.FailingRequestController.fail(FailingRequestController.java:");
            assertThat(row.getMessage()).startsWith("Export failed for [personal] <[personal]>, invite [personal], session [personal]");
            assertThat(row.getTags().data()).contains("\"GET " + FailingRequestController.PATH + "/{id}\"").doesNotContain(invite);
        });
        String stored = queued.get(0).formatJSON();
        assertThat(stored).doesNotContain(NAME_FIRST, NAME_LAST, visitor.account.email(), invite, visitor.sessionCookie(), "eyJ");

        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).as("not due before the burst window has passed").isZero();
        burstWindowPasses();
        double sentBefore = deliveryCount("done");
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).isEqualTo(1);

        List<LoggedRequest> events = eventsReceived();
        assertThat(events).hasSize(1);
        String envelope = events.get(0).getBodyAsString();
        assertThat(events.get(0).getHeader("X-Sentry-Auth")).contains("sentry_key=" + PUBLIC_KEY);
        assertThat(envelope).contains("\"event_id\":\"" + queued.get(0).getId().toString().replace("-", "") + "\"")
                .contains("\"type\":\"IllegalStateException\"", "\"module\":\"java.lang\"", "\"function\":\"fail\"", "\"occurrences\":\"3\"")
                .doesNotContain(NAME_FIRST, NAME_LAST, visitor.account.email(), "example.com", invite, visitor.sessionCookie(), "eyJ");
        assertThat(reports()).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("SENT");
            assertThat(row.getProviderId()).isEqualTo("sentry");
        });
        assertThat(deliveryCount("done")).isEqualTo(sentBefore + 1);
    }

    @Test
    void aReportThatSentryCannotTakeNowStaysQueuedAndIsRetried() throws Exception {
        useSentry();
        Visitor visitor = new Visitor();
        visitor.fail("retry-me");
        burstWindowPasses();
        sentry.stubFor(post(urlEqualTo(ENVELOPES)).willReturn(aResponse().withStatus(503)));

        double retriesBefore = deliveryCount("retry");
        dispatcher.dispatchDue(10, Duration.ofSeconds(10));

        assertThat(reports()).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo("PENDING");
            assertThat(row.getAttempts()).isEqualTo(1);
            assertThat(row.getLastError()).contains("HTTP 503");
            assertThat(row.getNextAttemptAt()).isAfter(java.time.OffsetDateTime.now().plusSeconds(20));
        });
        assertThat(deliveryCount("retry")).isEqualTo(retriesBefore + 1);
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).as("backing off").isZero();

        sentry.stubFor(post(urlEqualTo(ENVELOPES)).willReturn(aResponse().withStatus(200)));
        burstWindowPasses();
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(reports()).singleElement().satisfies(row -> assertThat(row.getStatus()).isEqualTo("SENT"));
        assertThat(eventsReceived()).hasSize(2);
    }

    @Test
    void withoutAProviderAnErrorIsOnlyLoggedAndNothingIsQueued() throws Exception {
        assertThat(slots.activeProviderId(Slot.ERRORS)).isNull();
        double before = reportCount("not_queued");

        assertThat(new Visitor().fail("nobody-listens").statusCode()).isEqualTo(500);

        assertThat(reports()).isEmpty();
        assertThat(reportCount("not_queued")).isEqualTo(before + 1);
    }

    @Test
    void aMalformedDsnIsRefusedWithAFieldMessageAndThePreviousProviderStays() throws Exception {
        useSentry();
        assertThatThrownBy(() -> switcher.switchProvider(Slot.ERRORS, "sentry", Map.of("dsn", "https://sentry.io/not-a-project"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("dsn", "DSN must look like https://<public key>@<host>/<project id>")));
        assertThat(slots.activeProviderId(Slot.ERRORS)).isEqualTo("sentry");
        assertThat(slots.health(Slot.ERRORS).healthy()).isTrue();
        assertThat(host.provider(Slot.ERRORS, "sentry")).hasValueSatisfying(p -> assertThat(p.pluginId()).isEqualTo("errors-sentry"));
    }
}
