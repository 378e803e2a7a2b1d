package com.classentra.platform.outbox;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@ClassentraTest
@WithMockUser(roles = "ADMIN")
class EmailOutboxTest {

    @Autowired
    EmailOutbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformSql platform;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ClassentraProperties properties;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    @AfterEach
    void emptyQueueAndDefaultProvider() {
        platform.resetPluginSlots();
        platform.call(sql -> sql.deleteFrom(EMAIL_OUTBOX).execute());
    }

    private UUID enqueue(String to) {
        return DbScope.user(null).supply(() -> transactions.execute(status -> outbox.enqueue(new EmailRequest(null, null, to,
                "Amélie <Tremblay>", "verify-email", Locale.ENGLISH,
                Map.of("firstName", "Amélie <b>", "link", "https://classentra.test/verify?t=abc&x=1", "validHours", "24")))));
    }

    private EmailOutboxRecord row(UUID id) {
        return platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.ID.eq(id)).fetchSingle());
    }

    @Test
    void queuedEmailIsRenderedThenSentOnceThroughTheActiveProvider() throws Exception {
        UUID id = enqueue("amelie@example.com");

        EmailOutboxRecord queued = row(id);
        assertThat(queued.getStatus()).isEqualTo("PENDING");
        assertThat(queued.getSubject()).isEqualTo("Confirm your email address for Classentra");
        assertThat(queuedEmails.text(queued)).contains("Hello Amélie <b>,").contains("https://classentra.test/verify?t=abc&x=1");
        assertThat(queuedEmails.html(queued)).contains("Hello Amélie &lt;b&gt;,").contains("href=\"https://classentra.test/verify?t=abc&amp;x=1\"")
                .doesNotContain("{{").doesNotContain("<!--content-->");

        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).isEqualTo(1);
        EmailOutboxRecord sent = row(id);
        assertThat(sent.getStatus()).isEqualTo("SENT");
        assertThat(sent.getProviderId()).isEqualTo("local");
        assertThat(sent.getProviderMessageId()).endsWith("@classentra.local>");
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).isZero();

        Path mailbox = properties.dataDirectory().resolve("plugin-data/email-local/mailbox");
        try (var files = Files.list(mailbox)) {
            assertThat(files.map(this::read).filter(eml -> eml.contains("To: =?UTF-8?B?"))).isNotEmpty();
        }
    }

    @Test
    void aBodyIsSealedToItsRowAndABodyMovedToAnotherRowIsNeverSent() {
        UUID original = enqueue("first@example.com");
        UUID target = enqueue("second@example.com");
        EmailOutboxRecord stored = row(original);
        assertThat(stored.getTextBody()).doesNotContain("verify?t=abc");
        platform.call(sql -> sql.update(EMAIL_OUTBOX).set(EMAIL_OUTBOX.TEXT_BODY, stored.getTextBody())
                .where(EMAIL_OUTBOX.ID.eq(target)).execute());

        dispatcher.dispatchDue(10, Duration.ofSeconds(10));

        assertThat(row(original).getStatus()).isEqualTo("SENT");
        EmailOutboxRecord moved = row(target);
        assertThat(moved.getStatus()).isEqualTo("DEAD");
        assertThat(moved.getLastError()).contains("cannot be decrypted");
        assertThat(row(original).getTextBody()).as("blanked once sent").isEmpty();
    }

    @Test
    void enqueueOnlyJoinsAnExistingTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new EmailRequest(null, null, "x@example.com", null, "verify-email", null,
                Map.of("firstName", "X", "link", "l", "validHours", "1")))).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> DbScope.user(null).supply(() -> transactions.execute(status -> outbox.enqueue(
                new EmailRequest(null, null, "x@example.com", null, "verify-email", null, Map.of("firstName", "X"))))))
                .hasMessageContaining("needs a value for");
    }

    @Test
    void aRolledBackCauseLeavesNoEmail() {
        assertThatThrownBy(() -> DbScope.user(null).run(() -> transactions.executeWithoutResult(status -> {
            outbox.enqueue(new EmailRequest(null, null, "ghost@example.com", null, "verify-email", null,
                    Map.of("firstName", "G", "link", "l", "validHours", "1")));
            throw new IllegalStateException("the sign-up failed after queueing");
        }))).isInstanceOf(IllegalStateException.class);
        assertThat(outbox.recent(null, 10)).isEmpty();
    }

    @Test
    void temporaryFailuresBackOffAndPermanentOnesGoToDeadLetterWhereAnAdminCanRetry() throws Exception {
        switcher.switchProvider(Slot.EMAIL, "recording", Map.of("apiKey", "sk_test_123456"), null, TestSwitches.AT_ONCE);
        // The test provider now fails: store "fail" behaviour directly (its health check would refuse the switch).
        platform.call(sql -> sql.execute(
                "update plugin_slot_state set config = jsonb_set(config, '{behaviour}', '\"fail\"'), version = nextval('plugin_slot_state_version_seq') where slot = 'email'"));
        UUID id = enqueue("student@example.com");
        assertThat(meters.get("classentra.queue.rows").tag("queue", "email-outbox").tag("status", "pending").gauge().value()).isEqualTo(1);

        dispatcher.dispatchDue(10, Duration.ofSeconds(10));
        assertThat(meters.get("classentra.queue.oldest.waiting").tag("queue", "email-outbox").gauge().value()).as("still waiting").isPositive();
        EmailOutboxRecord retrying = row(id);
        assertThat(retrying.getStatus()).isEqualTo("PENDING");
        assertThat(retrying.getAttempts()).isEqualTo(1);
        assertThat(retrying.getLastError()).contains("503");
        assertThat(retrying.getNextAttemptAt()).isAfter(java.time.OffsetDateTime.now().plusSeconds(20));
        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).as("not due yet").isZero();

        // After the last allowed attempt the row is dead.
        platform.call(sql -> sql.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.ATTEMPTS, 9).set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, java.time.OffsetDateTime.now()).execute());
        dispatcher.dispatchDue(10, Duration.ofSeconds(10));
        assertThat(row(id).getStatus()).isEqualTo("DEAD");
        assertThat(outbox.recent(OutboxEntry.Status.DEAD, 10)).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(meters.get("classentra.queue.rows").tag("queue", "email-outbox").tag("status", "dead").gauge().value()).isEqualTo(1);

        platform.resetPluginSlots();
        assertThat(outbox.retry(id, null)).isTrue();
        assertThat(outbox.retry(id, null)).as("only dead rows are retried").isFalse();
        dispatcher.dispatchDue(10, Duration.ofSeconds(10));
        assertThat(row(id).getStatus()).isEqualTo("SENT");
        assertThat(meters.get("classentra.queue.handled").tag("queue", "email-outbox").tag("outcome", "dead").counter().count()).isPositive();
    }

    @Test
    void aRowWhoseSenderDiedIsSentAgainAfterItsLeaseWithTheSameIdempotencyKey() {
        UUID id = enqueue("lease@example.com");
        platform.call(sql -> sql.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, "SENDING").set(EMAIL_OUTBOX.ATTEMPTS, 1)
                .set(EMAIL_OUTBOX.LEASE_UNTIL, java.time.OffsetDateTime.now().minusSeconds(1)).execute());

        assertThat(dispatcher.dispatchDue(10, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(row(id).getStatus()).isEqualTo("SENT");
        assertThat(row(id).getAttempts()).isEqualTo(2);
    }

    @Test
    void backoffGrowsExponentiallyAndIsCapped() {
        assertThat(dispatcher.backoff(1)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(36));
        assertThat(dispatcher.backoff(3)).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(144));
        assertThat(dispatcher.backoff(40)).isBetween(Duration.ofHours(6), Duration.ofMinutes(432));
    }

    @Test
    void theDispatchJobRunsOnTheScheduler() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (meters.find("classentra.job.executions").tag("task", "email-outbox-dispatch").timer() == null
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(meters.find("classentra.job.executions").tag("task", "email-outbox-dispatch").tag("outcome", "success").timer())
                .isNotNull();
        assertThat(meters.find("classentra.job.lag").tag("task", "email-outbox-dispatch").timer()).isNotNull();
    }

    private String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
