package com.classentra.platform.outbox;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.db.DbScope;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a real provider's answers do to outbox rows, and zero loss across a provider outage and a provider switch: 1,000 queued emails, three dispatchers running (as three
 * nodes would), Resend answering 503 for a while, the email slot switched to an SMTP relay meanwhile. Every message
 * is counted where it arrived: exactly once across the two peers, none lost, none twice.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class EmailProviderSwitchTest {

    private static final int MESSAGES = 1000;
    private static final Pattern RECIPIENT = Pattern.compile("switch-(\\d+)@example\\.test");

    @RegisterExtension
    static final WireMockExtension resend = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().containerThreads(16)).build();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    EmailOutbox emailOutbox;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    SlotRegistry slots;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformScope platformScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxBodies bodies;
    @Autowired
    PlatformSql platform;
    @Autowired
    DSLContext db;

    @BeforeEach
    @AfterEach
    void emptyQueueAndDefaultProvider() {
        platform.resetPluginSlots();
        platform.call(sql -> sql.deleteFrom(EMAIL_OUTBOX).execute());
    }

    @Test
    void everyMessageArrivesExactlyOnceAcrossAnOutageAndASwitch() throws Exception {
        resend.stubFor(get("/domains").willReturn(okJson("{\"data\":[]}")));
        resend.stubFor(post("/emails").willReturn(okJson("{\"id\":\"4ef9a417-02e9-4d39-ad75-9611e0fcc33c\"}")));
        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_switch_test_key", "baseUrl", resend.baseUrl()), null, TestSwitches.AT_ONCE);
        DbScope.user(null).supply(() -> transactions.execute(status -> {
            for (int i = 0; i < MESSAGES; i++) {
                emailOutbox.enqueue(new EmailRequest(null, null, "switch-" + i + "@example.test", "Student " + i, "verify-email",
                        Locale.ENGLISH, Map.of("firstName", "Student " + i, "link", "https://classentra.test/verify?t=" + i, "validHours", "24")));
            }
            return null;
        }));

        // Retries come quickly here, so the outage and the switch happen while most messages are still queued.
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, slots, platformScope, bodies, db, meters,
                "noreply@classentra.test", "Classentra", 1000, Duration.ofMillis(50), Duration.ofMillis(400));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            running.add(nodes.submit(() -> {
                while (!stop.get()) {
                    if (dispatcher.dispatchDue(10, Duration.ofMillis(500)) == 0) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        try {
            waitUntil(() -> accepted().size() >= 250, "Resend accepted 250 messages");
            resend.stubFor(post("/emails").willReturn(aResponse().withStatus(503).withBody("{\"name\":\"internal_server_error\"}")));
            waitUntil(() -> answered(503) >= 150, "Resend answered 503 150 times");

            switcher.switchProvider(Slot.EMAIL, "smtp", Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.getSmtp().getPort()),
                    "security", "none", "operatorName", "Relay Test GmbH", "operatorLocation", "Germany"), null, TestSwitches.AT_ONCE);
            // Resend comes back: nothing may reach it any more, the slot has moved on.
            resend.stubFor(post("/emails").willReturn(okJson("{\"id\":\"late\"}")));

            waitUntil(() -> emails("SENT") == MESSAGES || anyDead(), "every message sent");
        } finally {
            stop.set(true);
            for (Future<?> node : running) {
                node.get();
            }
            nodes.shutdown();
        }

        List<Integer> atResend = accepted();
        List<Integer> atRelay = relayed();
        assertThat(emails("DEAD")).as("dead letters").isZero();
        assertThat(atResend).as("Resend got messages before the outage").hasSizeGreaterThanOrEqualTo(250);
        assertThat(atRelay).as("the relay got the rest after the switch").isNotEmpty();
        assertThat(atResend.size() + atRelay.size()).as("messages delivered in all").isEqualTo(MESSAGES);
        Set<Integer> delivered = new HashSet<>(atResend);
        delivered.addAll(atRelay);
        assertThat(delivered).as("distinct messages delivered").hasSize(MESSAGES);
        assertThat(delivered).allMatch(i -> i >= 0 && i < MESSAGES);

        Map<String, Integer> byProvider = platform.call(sql -> sql.select(EMAIL_OUTBOX.PROVIDER_ID, org.jooq.impl.DSL.count())
                .from(EMAIL_OUTBOX).where(EMAIL_OUTBOX.STATUS.eq("SENT")).and(EMAIL_OUTBOX.PROVIDER_MESSAGE_ID.isNotNull())
                .groupBy(EMAIL_OUTBOX.PROVIDER_ID).fetchMap(EMAIL_OUTBOX.PROVIDER_ID, org.jooq.impl.DSL.count()));
        assertThat(byProvider).containsOnlyKeys("resend", "smtp");
        assertThat(byProvider.get("resend")).isEqualTo(atResend.size());
        assertThat(byProvider.get("smtp")).isEqualTo(atRelay.size());
    }

    @Test
    void whatTheProviderSaysDecidesTheRowsFateAndItsMessageIdIsKept() throws Exception {
        resend.stubFor(get("/domains").willReturn(okJson("{\"data\":[]}")));
        resend.stubFor(post("/emails").withRequestBody(containing("switch-0@")).willReturn(okJson("{\"id\":\"re-msg-0\"}")));
        resend.stubFor(post("/emails").withRequestBody(containing("switch-1@")).willReturn(aResponse().withStatus(422)
                .withBody("{\"statusCode\":422,\"name\":\"validation_error\",\"message\":\"Invalid `to` field.\"}")));
        resend.stubFor(post("/emails").withRequestBody(containing("switch-2@")).willReturn(aResponse().withStatus(429)
                .withBody("{\"statusCode\":429,\"name\":\"rate_limit_exceeded\",\"message\":\"Too many requests.\"}")));
        switcher.switchProvider(Slot.EMAIL, "resend", Map.of("apiKey", "re_switch_test_key", "baseUrl", resend.baseUrl()), null, TestSwitches.AT_ONCE);
        Map<Integer, java.util.UUID> rows = new java.util.HashMap<>();
        DbScope.user(null).supply(() -> transactions.execute(status -> {
            for (int i = 0; i < 3; i++) {
                rows.put(i, emailOutbox.enqueue(new EmailRequest(null, null, "switch-" + i + "@example.test", "Student " + i, "verify-email",
                        Locale.ENGLISH, Map.of("firstName", "Student", "link", "https://classentra.test/verify?t=" + i, "validHours", "24"))));
            }
            return null;
        }));

        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, slots, platformScope, bodies, db, meters,
                "noreply@classentra.test", "Classentra", 10, Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(20))).isEqualTo(3);

        var sent = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(rows.get(0))).fetchSingle());
        assertThat(sent.getStatus()).isEqualTo("SENT");
        assertThat(sent.getProviderId()).isEqualTo("resend");
        assertThat(sent.getProviderMessageId()).isEqualTo("re-msg-0");
        var refused = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(rows.get(1))).fetchSingle());
        assertThat(refused.getStatus()).as("an address Resend refuses goes to dead letter at once").isEqualTo("DEAD");
        assertThat(refused.getAttempts()).isEqualTo(1);
        assertThat(refused.getLastError()).contains("422 validation_error");
        var limited = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(rows.get(2))).fetchSingle());
        assertThat(limited.getStatus()).as("a rate limit backs off").isEqualTo("PENDING");
        assertThat(limited.getNextAttemptAt()).isAfter(java.time.OffsetDateTime.now().plusSeconds(50));
        assertThat(limited.getLastError()).contains("429 rate_limit_exceeded");
    }

    /** Message numbers Resend accepted (answered 200 to). */
    private static List<Integer> accepted() {
        List<Integer> numbers = new ArrayList<>();
        for (ServeEvent event : resend.getAllServeEvents()) {
            if (event.getRequest().getUrl().equals("/emails") && event.getResponse().getStatus() == 200) {
                numbers.addAll(numbers(event.getRequest().getBodyAsString()));
            }
        }
        return numbers;
    }

    private static long answered(int status) {
        return resend.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == status).count();
    }

    /** Message numbers the relay received. */
    private static List<Integer> relayed() throws MessagingException {
        List<Integer> numbers = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                numbers.addAll(numbers(recipient.toString()));
            }
        }
        return numbers;
    }

    private static Collection<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = RECIPIENT.matcher(text);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    private boolean anyDead() {
        return emails("DEAD") > 0;
    }

    private int emails(String status) {
        return platform.count(EMAIL_OUTBOX, EMAIL_OUTBOX.STATUS.eq(status));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
