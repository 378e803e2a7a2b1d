package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.AnotherNode;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.ReadmeDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database, as behind a load balancer: what is posted through one reaches a channel
 * watched on the other within a second, through PostgreSQL LISTEN/NOTIFY; what rolls back reaches nobody.
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
                "--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + url, "--spring.liquibase.user=" + ReadmeDatabase.OWNER,
                "--spring.liquibase.password=owner-secret");
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
        Channel channel = first.getBean(MessagingService.class).courseChannel(teacher, course.id());

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
            assertThat(pages.poll()).as("with the channel's latest page, read once on that node").extracting(ChatMessage::id).containsExactly(posted.id());
            List<ChatMessage> seenThere = second.getBean(MessagingService.class).history(student, channel.id(), null);
            assertThat(seenThere).extracting(ChatMessage::id).containsExactly(posted.id());
        } finally {
            watching.cancel();
        }
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
