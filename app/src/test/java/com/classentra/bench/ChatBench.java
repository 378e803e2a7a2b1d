package com.classentra.bench;

import com.classentra.messaging.ChatReading;
import com.classentra.messaging.ChatEvent;
import com.classentra.messaging.MessagingService;
import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.SqlStatements;
import com.classentra.testsupport.SqlStatements.Counted;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Course chat under load: opening a channel of 100,000 messages against one of ten; one message reaching 500 open
 * channel views (the page read once per node, each view marking it read, as a view does) on one node and split over two; and the
 * sustained posting rate over 20 busy channels; the server's memory per open chat page. Not a test: run it with {@code ./mvnw -pl app -Pbench test}
 * (docs/performance.md).
 */
public final class ChatBench {

    private static final UUID TENANT = HeavyTenant.uuidOf("chat-bench-tenant");
    private static final UUID TEACHER = HeavyTenant.uuidOf("chat-bench-teacher");
    private static final UUID COURSE = HeavyTenant.uuidOf("chat-bench-course");
    private static final UUID BIG = HeavyTenant.uuidOf("chat-bench-big-channel");
    private static final UUID SMALL = HeavyTenant.uuidOf("chat-bench-small-channel");
    private static final int STUDENTS = 500;
    private static final int BUSY_CHANNELS = 20;
    /** The fan-out's teacher posts 20 messages per run, two runs within a minute: more than a person's 30 a minute. */
    private static final String TEACHER_POSTS = "--classentra.rate-limits.chat-posts.capacity=60";

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = BenchApplication.databaseUrl("classentra_chat_bench");
        try (ConfigurableApplicationContext one = BenchApplication.start(url, TEACHER_POSTS)) {
            ensure(url);
            MessagingService messaging = one.getBean(MessagingService.class);
            SqlStatements statements = one.getBean(SqlStatements.class);
            SignedInUser teacher = new SignedInUser(TEACHER, "chat-bench-teacher@example.com", "Tia Teacher", Set.of(Role.TEACHER), TENANT, null);
            List<SignedInUser> students = new ArrayList<>();
            for (int n = 1; n <= STUDENTS; n++) {
                students.add(new SignedInUser(student(n), "chat-bench-" + n + "@example.com", "Student " + n, Set.of(Role.STUDENT), null, null));
            }
            System.out.printf("%nOpening a channel: its latest page of %d, as a student (200 warm-up, 500 timed)%n%n", MessagingService.PAGE);
            System.out.println("| channel | p50 ms | p95 ms | SQL statements (jOOQ) |");
            System.out.println("|---|---:|---:|---:|");
            for (UUID channel : List.of(SMALL, BIG)) {
                for (int i = 0; i < 200; i++) {
                    messaging.history(students.getFirst(), channel, null);
                }
                double[] millis = new double[500];
                int counted = 0;
                for (int i = 0; i < millis.length; i++) {
                    long start = System.nanoTime();
                    Counted<?> page = statements.count(() -> messaging.history(students.getFirst(), channel, null));
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    counted = page.statements();
                }
                Arrays.sort(millis);
                System.out.printf("| %s | %.1f | %.1f | %d |%n", channel.equals(BIG) ? "100,000 messages" : "10 messages",
                        BenchApplication.percentile(millis, 50), BenchApplication.percentile(millis, 95), counted);
            }

            System.out.printf("%nOne message to %d open views (the node reads the page once; each view marks it read), 20 messages%n%n", STUDENTS);
            System.out.println("| nodes | page delivered p50 ms | p95 ms | max ms | marked read p50 ms | p95 ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            System.out.println(fanOut(List.of(one), teacher, students));
            try (ConfigurableApplicationContext two = BenchApplication.start(url, TEACHER_POSTS)) {
                System.out.println(fanOut(List.of(one, two), teacher, students));
            }

            System.out.printf("%nSustained posting over %d channels, 10 seconds, one poster per channel%n%n", BUSY_CHANNELS);
            posting(messaging, students);

            System.out.printf("%nServer memory per open chat page (Chromium tabs on the channel of 100,000 messages, its latest %d shown)%n%n",
                    MessagingService.PAGE);
            ChatPagesMemory.measure(one, url, TENANT, COURSE, BIG);
        }
    }

    /** Delivery times from the start of each post to the moment each view has the message on its page. */
    private static String fanOut(List<ConfigurableApplicationContext> nodes, SignedInUser teacher, List<SignedInUser> students) throws Exception {
        List<ClusterEvents.Subscription> views = new ArrayList<>();
        List<Double> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> marked = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<UUID, Long> postedAt = new ConcurrentHashMap<>();
        CountDownLatch[] round = new CountDownLatch[1];
        for (int i = 0; i < students.size(); i++) {
            SignedInUser student = students.get(i);
            ConfigurableApplicationContext node = nodes.get(i % nodes.size());
            MessagingService messaging = node.getBean(MessagingService.class);
            ChatReading reading = node.getBean(ChatReading.class);
            views.add(messaging.watch(student, BIG, (event, latest) -> {
                if (event.kind() == ChatEvent.Kind.POSTED) {
                    Long started = postedAt.get(event.subject());
                    if (started != null && latest.stream().anyMatch(m -> m.id().equals(event.subject()))) {
                        delivered.add((System.nanoTime() - started) / 1e6);
                    }
                    // What an open page does next with the page its feed handed it: mark it read, in the person's own scope.
                    reading.markRead(student, BIG, false);
                    if (started != null) {
                        marked.add((System.nanoTime() - started) / 1e6);
                    }
                    round[0].countDown();
                }
            }));
        }
        MessagingService posting = nodes.getFirst().getBean(MessagingService.class);
        for (int m = 0; m < 20; m++) {
            round[0] = new CountDownLatch(students.size());
            long start = System.nanoTime();
            var message = posting.post(teacher, BIG, "<p>Announcement " + m + "</p>", null);
            postedAt.put(message.id(), start);
            round[0].await(30, TimeUnit.SECONDS);
        }
        views.forEach(ClusterEvents.Subscription::cancel);
        double[] millis = delivered.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] read = marked.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return "| %d | %.0f | %.0f | %.0f | %.0f | %.0f |".formatted(nodes.size(), BenchApplication.percentile(millis, 50),
                BenchApplication.percentile(millis, 95), millis[millis.length - 1], BenchApplication.percentile(read, 50), BenchApplication.percentile(read, 95));
    }

    private static void posting(MessagingService messaging, List<SignedInUser> students) throws Exception {
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Thread> posters = new ArrayList<>();
        for (int c = 0; c < BUSY_CHANNELS; c++) {
            UUID channel = busy(c);
            int first = c;
            posters.add(Thread.ofVirtual().start(() -> {
                // Posters take turns among the course's students: one person's own limit is 30 posts a minute.
                for (int n = first; System.nanoTime() < end; n += BUSY_CHANNELS) {
                    try {
                        messaging.post(students.get(n % students.size()), channel, "<p>Question " + n + "</p>", null);
                        posted.incrementAndGet();
                    } catch (RateLimitedException e) {
                        limited.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread poster : posters) {
            poster.join();
        }
        System.out.println("| channels | messages posted | per second | refused by the per-person limit |");
        System.out.println("|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %.0f | %d |%n", BUSY_CHANNELS, posted.get(), posted.get() / 10.0, limited.get());
    }

    private static UUID student(int n) {
        return HeavyTenant.uuidOf("chat-bench-student-" + n);
    }

    private static UUID busy(int c) {
        return HeavyTenant.uuidOf("chat-bench-busy-" + c);
    }

    /** The workspace, its 500 students, the channel of 100,000 messages, a small one and 20 busy ones; once per database. */
    private static void ensure(String url) throws Exception {
        try (Connection db = DriverManager.getConnection(url, BenchApplication.owner(), "")) {
            try (Statement sql = db.createStatement()) {
                sql.execute("SET app.platform_scope = 'on'");
                try (ResultSet present = sql.executeQuery("SELECT count(*) FROM course WHERE id = '" + COURSE + "'")) {
                    present.next();
                    if (present.getInt(1) > 0) {
                        return;
                    }
                }
            }
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SET app.platform_scope = 'on'");
                sql.execute("INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified) VALUES ('" + TEACHER
                        + "', 'chat-bench-teacher@example.com', 'Tia', 'Teacher', '{TEACHER}', true)");
                sql.execute("INSERT INTO tenant (id, kind, name) VALUES ('" + TENANT + "', 'PERSONAL', 'Chat bench studio')");
                sql.execute("INSERT INTO tenant_member (tenant_id, user_id, role) VALUES ('" + TENANT + "', '" + TEACHER + "', 'OWNER')");
                sql.execute("INSERT INTO course (id, tenant_id, title, join_code) VALUES ('" + COURSE + "', '" + TENANT + "', 'Chat bench', 'CHATBNCH')");
                for (int n = 1; n <= STUDENTS; n++) {
                    sql.addBatch("INSERT INTO app_user (id, email, first_name, last_name, roles, email_verified) VALUES ('" + student(n)
                            + "', 'chat-bench-" + n + "@example.com', 'Student', '" + n + "', '{STUDENT}', true)");
                    sql.addBatch("INSERT INTO enrolment (tenant_id, course_id, student_id) VALUES ('" + TENANT + "', '" + COURSE + "', '" + student(n) + "')");
                }
                sql.executeBatch();
                sql.execute("INSERT INTO channel (id, tenant_id, course_id, kind, audience) VALUES ('" + BIG + "', '" + TENANT + "', '" + COURSE
                        + "', 'COURSE', 'COURSE')");
                sql.execute("INSERT INTO channel (id, tenant_id, course_id, kind, audience, name) VALUES ('" + SMALL + "', '" + TENANT + "', '" + COURSE
                        + "', 'TOPIC', 'COURSE', 'Small')");
                for (int c = 0; c < BUSY_CHANNELS; c++) {
                    sql.execute("INSERT INTO channel (id, tenant_id, course_id, kind, audience, name) VALUES ('" + busy(c) + "', '" + TENANT + "', '"
                            + COURSE + "', 'TOPIC', 'COURSE', 'Busy " + c + "')");
                }
                sql.execute("INSERT INTO message (tenant_id, channel_id, author_id, body_html, body_text, created_at) SELECT '" + TENANT + "', '" + BIG
                        + "', '" + TEACHER + "', '<p>Message ' || n || ' of the long history.</p>', 'Message ' || n || ' of the long history.', "
                        + "now() - (100000 - n) * interval '1 minute' FROM generate_series(1, 100000) n");
                sql.execute("INSERT INTO message (tenant_id, channel_id, author_id, body_html, body_text) SELECT '" + TENANT + "', '" + SMALL + "', '"
                        + TEACHER + "', '<p>Hello ' || n || '</p>', 'Hello ' || n FROM generate_series(1, 10) n");
            }
            db.commit();
            try (Statement sql = db.createStatement()) {
                sql.execute("ANALYZE");
            }
        }
    }
}
