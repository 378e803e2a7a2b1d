package com.classentra.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Eventually;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which way the cluster events travel on one node: through PostgreSQL without a relay, through the cache slot's
 * provider's relay (the in-memory one of the counting test provider; Redis in TwoNodesChatTest) once this node follows
 * it, and through PostgreSQL again when the relay fails. A listening connection of the test's own tells what went
 * through PostgreSQL.
 */
@ClassentraTest
@WithMockUser(roles = "ADMIN")
class ClusterEventsTest {

    @Autowired
    ClusterEvents events;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    PlatformSql platform;
    @Autowired
    PlatformScope platformScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    private final String topic = "test:" + UUID.randomUUID();
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private ClusterEvents.Subscription subscription;
    private Connection listening;

    @BeforeEach
    void listen() throws Exception {
        subscription = events.subscribe(topic, heard::add);
        listening = dataSource.getConnection();
        listening.setAutoCommit(true);
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + ClusterEvents.CHANNEL);
        }
    }

    @AfterEach
    void stop() throws Exception {
        subscription.cancel();
        listening.close();
        platform.resetPluginSlots();
    }

    @Test
    void withoutARelayEventsTravelThroughPostgresql() throws Exception {
        double before = published("postgres");
        events.publish(topic, "through postgres");

        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("through postgres");
        assertThat(notifiedThroughPostgres()).contains(topic + "\nthrough postgres");
        assertThat(published("postgres")).isEqualTo(before + 1);
    }

    @Test
    void theCacheSlotsRelayCarriesTheEventsOnceThisNodeFollowsItAndOnlyThoseThatCommit() throws Exception {
        switcher.switchProvider(Slot.RATE_LIMITS, "counting", Map.of(), null, TestSwitches.AT_ONCE);
        Eventually.holds("the node follows the relay", Duration.ofSeconds(10), () -> {
            double before = published("relay");
            events.publish(topic, "probe");
            heard.poll(1, TimeUnit.SECONDS);
            return published("relay") > before;
        });
        heard.clear();
        notifiedThroughPostgres();

        platformScope.call(null, "test", () -> transactions.execute(status -> {
            events.publish(topic, "committed");
            assertThat(poll(300)).as("not before the commit").isNull();
            return null;
        }));
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("committed");
        platformScope.call(null, "test", () -> transactions.execute(status -> {
            events.publish(topic, "rolled back");
            status.setRollbackOnly();
            return null;
        }));
        events.publish(topic, "outside a transaction");
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("outside a transaction");
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(notifiedThroughPostgres()).as("nothing through PostgreSQL").isEmpty();
    }

    @Test
    void whenTheRelayFailsPostgresqlCarriesTheEventAndTheFailureIsCounted() throws Exception {
        switcher.switchProvider(Slot.RATE_LIMITS, "counting", Map.of("behaviour", "relay-fails"), null, TestSwitches.AT_ONCE);
        Eventually.holds("the node tries the relay", Duration.ofSeconds(10), () -> {
            events.publish(topic, "probe");
            assertThat(heard.poll(2, TimeUnit.SECONDS)).as("heard whichever way it went").isEqualTo("probe");
            return failedRelayCalls() > 0;
        });
        notifiedThroughPostgres();
        double failed = failedRelayCalls();

        platformScope.call(null, "test", () -> transactions.execute(status -> {
            events.publish(topic, "committed");
            return null;
        }));
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("committed");
        assertThat(notifiedThroughPostgres()).as("after the commit, on a connection of its own").contains(topic + "\ncommitted");
        assertThat(failedRelayCalls()).isEqualTo(failed + 1);
    }

    private String poll(long millis) {
        try {
            return heard.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<String> notifiedThroughPostgres() throws Exception {
        PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(500);
        return notifications == null ? java.util.List.of() : java.util.Arrays.stream(notifications)
                .map(PGNotification::getParameter).filter(event -> event.startsWith(topic)).toList();
    }

    private double published(String transport) {
        return meters.get("classentra.cluster.events.published").tag("transport", transport).counter().count();
    }

    private double failedRelayCalls() {
        Timer calls = meters.find("classentra.plugin.calls").tags("slot", "rate-limits", "provider", "counting", "outcome", "retryable").timer();
        return calls == null ? 0 : calls.count();
    }
}
