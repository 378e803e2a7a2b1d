package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.AnotherNode;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.LocalRedis;
import com.classentra.testsupport.Eventually;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.classentra.testsupport.ReadmeDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database, as behind a load balancer: what is posted through one reaches a channel
 * watched on the other within a second, through PostgreSQL LISTEN/NOTIFY, or through Redis pub/sub while the Redis
 * provider serves the cache slot; what rolls back reaches nobody.
 */
class TwoNodesChatTest {

    private static EmbeddedPostgres database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoNodes(@TempDir Path data) throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection superuser = database.getPostgresDatabase().getConnection()) {
            ReadmeDatabase.create(superuser, "classentra");
        }
        String url = database.getJdbcUrl("postgres", "classentra").replace("?user=postgres", "");
        first = node(data.resolve("first"), url);
        second = node(data.resolve("second"), url);
    }

    private static ConfigurableApplicationContext node(Path data, String url) {
        return AnotherNode.start("--classentra.data-directory=" + data, "--spring.main.banner-mode=off",
                "--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url,
                // The local Redis is on this machine, which a production node refuses as a provider's endpoint.
                "--classentra.plugins.allow-private-endpoints=true", "--spring.liquibase.user=" + ReadmeDatabase.OWNER,
                "--spring.liquibase.password=owner-secret");
    }

    /** Runs {@code work} as an administrator of {@code node}, which checks roles through its own security context strategy. */
    private static void asAdmin(ConfigurableApplicationContext node, Callable<?> work) throws Exception {
        SecurityContextHolderStrategy contexts = node.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        contexts.setContext(new SecurityContextImpl(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN")));
        try {
            work.call();
        } finally {
            contexts.clearContext();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
        database.close();
    }

    @Test
    void aMessagePostedOnOneNodeReachesAChannelWatchedOnTheOther() throws Exception {
        Classrooms classrooms = first.getBean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Tess", "Teacher");
        CourseSummary course = classrooms.course(teacher, "Two nodes");
        SignedInUser student = classrooms.student("Ana", "Alves");
        classrooms.enrol(student, course);
        Channel channel = first.getBean(ChatChannels.class).courseChannel(teacher, course.id());

        BlockingQueue<ChatEvent> heard = new LinkedBlockingQueue<>();
        BlockingQueue<List<ChatMessage>> pages = new LinkedBlockingQueue<>();
        ClusterEvents.Subscription watching = second.getBean(MessagingService.class).watch(student, channel.id(), (event, latest) -> {
            heard.add(event);
            pages.add(latest);
        });
        try {
            ChatMessage posted = first.getBean(MessagingService.class).post(teacher, channel.id(), "<p>Hello from node one</p>", null);

            ChatEvent event = heard.poll(1, TimeUnit.SECONDS);
            assertThat(event).as("heard on the other node within a second").isEqualTo(new ChatEvent(ChatEvent.Kind.POSTED, posted.id()));
            assertThat(pages.poll(1, TimeUnit.SECONDS)).as("with the channel's latest page, read once on that node").extracting(ChatMessage::id).containsExactly(posted.id());
            List<ChatMessage> seenThere = second.getBean(MessagingService.class).history(student, channel.id(), null);
            assertThat(seenThere).extracting(ChatMessage::id).containsExactly(posted.id());
        } finally {
            watching.cancel();
        }
    }

    @Test
    void withRedisServingTheCacheSlotMessagesTravelThroughRedisPubSubAndNotThroughPostgresql() throws Exception {
        assumeTrue(LocalRedis.answers(), "no Redis answers on 127.0.0.1:" + LocalRedis.PORT);
        Classrooms classrooms = first.getBean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Rhea", "Redis");
        CourseSummary course = classrooms.course(teacher, "Two nodes on Redis");
        SignedInUser student = classrooms.student("Bo", "Berg");
        classrooms.enrol(student, course);
        Channel channel = first.getBean(ChatChannels.class).courseChannel(teacher, course.id());
        String prefix = "classentra-twonodes-" + UUID.randomUUID() + ":";
        String redisChannel = prefix + "events:" + ClusterEvents.CHANNEL;

        asAdmin(first, () -> first.getBean(ProviderSwitcher.class).switchProvider(Slot.RATE_LIMITS, "redis",
                Map.of("host", "127.0.0.1", "port", String.valueOf(LocalRedis.PORT), "keyPrefix", prefix), null, TestSwitches.AT_ONCE));
        try (LocalRedis.Subscriber wire = LocalRedis.subscribe(redisChannel);
                Connection listening = DriverManager.getConnection(database.getJdbcUrl("postgres", "classentra"))) {
            // Each node follows the slot within its state refresh and a second: wait until both hear and speak Redis.
            BlockingQueue<String> probes = new LinkedBlockingQueue<>();
            String probeTopic = "probe:" + UUID.randomUUID();
            ClusterEvents.Subscription probing = second.getBean(ClusterEvents.class).subscribe(probeTopic, probes::add);
            try {
                Eventually.holds("node two subscribed to Redis", Duration.ofSeconds(10), () -> {
                    LocalRedis.command("PUBLISH", redisChannel, probeTopic + "\nfrom redis");
                    return "from redis".equals(probes.poll(100, TimeUnit.MILLISECONDS));
                });
            } finally {
                probing.cancel();
            }
            Eventually.holds("node one publishing on Redis", Duration.ofSeconds(10), () -> {
                first.getBean(ClusterEvents.class).publish(probeTopic, "from node one");
                return (probeTopic + "\nfrom node one").equals(wire.next(100, TimeUnit.MILLISECONDS));
            });
            wire.messages().clear();
            try (Statement listen = listening.createStatement()) {
                listen.execute("LISTEN " + ClusterEvents.CHANNEL);
            }

            BlockingQueue<ChatEvent> heard = new LinkedBlockingQueue<>();
            ClusterEvents.Subscription watching = second.getBean(MessagingService.class).watch(student, channel.id(), (event, latest) -> heard.add(event));
            try {
                ChatMessage posted = first.getBean(MessagingService.class).post(teacher, channel.id(), "<p>Hello through Redis</p>", null);

                assertThat(heard.poll(1, TimeUnit.SECONDS)).as("heard on the other node within a second")
                        .isEqualTo(new ChatEvent(ChatEvent.Kind.POSTED, posted.id()));
                assertThat(nextOtherThan(wire, probeTopic)).as("published on the Redis channel, ids only")
                        .isEqualTo(ChatEvent.topic(channel.id()) + "\n" + new ChatEvent(ChatEvent.Kind.POSTED, posted.id()).payload());
                assertThat(listening.unwrap(PGConnection.class).getNotifications(500)).as("nothing went through PostgreSQL").isNullOrEmpty();
            } finally {
                watching.cancel();
            }
        } finally {
            first.getBean(PlatformSql.class).resetPluginSlots();
        }
    }

    /** The probes published while waiting for node one may still be on their way; the message after them is the one under test. */
    private static String nextOtherThan(LocalRedis.Subscriber wire, String probeTopic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        String message;
        do {
            message = wire.next(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (message != null && message.startsWith(probeTopic + "\n"));
        return message;
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackReachesNobody() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        String topic = "test:" + UUID.randomUUID();
        ClusterEvents.Subscription watching = second.getBean(ClusterEvents.class).subscribe(topic, heard::add);
        try {
            PlatformScope platform = first.getBean(PlatformScope.class);
            TransactionTemplate transactions = first.getBean(TransactionTemplate.class);
            platform.call(null, "test", () -> transactions.execute(status -> {
                first.getBean(ClusterEvents.class).publish(topic, "rolled back");
                status.setRollbackOnly();
                return null;
            }));
            first.getBean(ClusterEvents.class).publish(topic, "sent");

            assertThat(heard.poll(1, TimeUnit.SECONDS)).isEqualTo("sent");
            assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            watching.cancel();
        }
    }
}
