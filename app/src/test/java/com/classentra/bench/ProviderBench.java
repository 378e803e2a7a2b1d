package com.classentra.bench;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;

import com.classentra.platform.db.DbScope;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.outbox.OutboxDispatcher;
import com.classentra.platform.plugins.PluginHost;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.plugin.api.storage.StorageProviderFactory;
import com.classentra.testsupport.TestSwitches;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two figures for docs/performance.md: what a plugin call costs through the host (virtual thread, class loader,
 * time limit, metrics) against the same call made directly on the provider, and how fast the email outbox drains
 * into a real SMTP server (GreenMail, through the SMTP plugin) with the delay from enqueue to sent. Not a test:
 * run it with {@code ./mvnw -pl app -Pbench test}.
 */
public final class ProviderBench {

    private ProviderBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("bench.plugin-calls", 20_000);
        int emails = Integer.getInteger("bench.emails", 2_000);
        String url = BenchApplication.databaseUrl("classentra_provider_bench");
        GreenMail relay = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        relay.start();
        try (ConfigurableApplicationContext app = BenchApplication.start(url)) {
            SignedInUser admin = new SignedInUser(null, "bench-admin@example.com", "Bench Admin", Set.of(Role.ADMIN), null, null);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            pluginCallOverhead(app, calls);
            outboxThroughput(app, relay, emails);
        } finally {
            relay.stop();
        }
    }

    /** The storage-local plugin's stat of a missing key, through SlotRegistry and directly on an instance of the same plugin. */
    private static void pluginCallOverhead(ConfigurableApplicationContext app, int calls) throws Exception {
        SlotRegistry slots = app.getBean(SlotRegistry.class);
        PluginHost.HostedProvider local = app.getBean(PluginHost.class).providers(Slot.STORAGE).stream()
                .filter(p -> p.descriptor().id().equals("local")).findFirst().orElseThrow();
        ObjectStorage direct = ((StorageProviderFactory) local.factory())
                .create(ProviderConfig.empty(), new ProviderContext(Files.createTempDirectory("classentra-bench-direct-")));
        Call throughHost = () -> slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat("bench/missing"));
        Call directly = () -> direct.stat("bench/missing");
        Call emptyThroughHost = () -> slots.call(Slot.STORAGE, ObjectStorage.class, storage -> null);

        System.out.printf("%nPlugin calls (%d timed after %d warm-up, one thread)%n%n", calls, calls / 2);
        System.out.println("| call | mean ns | p50 ns | p95 ns |");
        System.out.println("|---|---:|---:|---:|");
        time("storage-local stat, direct", directly, calls);
        time("storage-local stat, through the host", throughHost, calls);
        time("empty call through the host (host cost alone)", emptyThroughHost, calls);
        direct.close();
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws ProviderException;
    }

    private static void time(String name, Call call, int calls) throws ProviderException {
        for (int i = 0; i < calls / 2; i++) {
            call.run();
        }
        double[] nanos = new double[calls];
        long total = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            long took = System.nanoTime() - start;
            nanos[i] = took;
            total += took;
        }
        Arrays.sort(nanos);
        System.out.printf("| %s | %,d | %,.0f | %,.0f |%n", name, total / calls, BenchApplication.percentile(nanos, 50),
                BenchApplication.percentile(nanos, 95));
    }

    /** Queues a burst of emails, then drains it with one dispatcher (as the scheduled job does) into GreenMail. */
    private static void outboxThroughput(ConfigurableApplicationContext app, GreenMail relay, int emails) throws Exception {
        PlatformScope platformScope = app.getBean(PlatformScope.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        DSLContext db = app.getBean(DSLContext.class);
        EmailOutbox outbox = app.getBean(EmailOutbox.class);
        OutboxDispatcher dispatcher = app.getBean(OutboxDispatcher.class);
        app.getBean(ProviderSwitcher.class).switchProvider(Slot.EMAIL, "smtp", Map.of("host", "127.0.0.1",
                "port", Integer.toString(relay.getSmtp().getPort()), "security", "none",
                "operatorName", "Bench Relay", "operatorLocation", "This machine"), null, TestSwitches.AT_ONCE);
        platformScope.inTransaction(null, "bench", () -> db.deleteFrom(EMAIL_OUTBOX).execute());

        DbScope.user(null).supply(() -> transactions.execute(status -> {
            for (int i = 0; i < emails; i++) {
                outbox.enqueue(new EmailRequest(null, null, "bench-" + i + "@example.test", "Bench Student " + i, "verify-email",
                        Locale.ENGLISH, Map.of("firstName", "Bench", "link", "https://classentra.test/verify?t=" + i, "validHours", "24")));
            }
            return null;
        }));
        long start = System.nanoTime();
        int sent = 0;
        while (sent < emails) {
            int handled = dispatcher.dispatchDue(50, Duration.ofMinutes(10));
            if (handled == 0) {
                break;
            }
            sent += handled;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] delays = platformScope.inTransaction(null, "bench", () -> db
                .select(DSL.field("extract(epoch from ({0} - {1})) * 1000", Double.class, EMAIL_OUTBOX.SENT_AT, EMAIL_OUTBOX.CREATED_AT))
                .from(EMAIL_OUTBOX).where(EMAIL_OUTBOX.STATUS.eq("SENT"))
                .fetch(0, Double.class).stream().mapToDouble(Double::doubleValue).sorted().toArray());
        System.out.printf("%nOutbox into GreenMail through the SMTP plugin: %d queued at once, %d delivered to the relay%n%n",
                emails, relay.getReceivedMessages().length);
        System.out.println("| messages/s | p50 enqueue-to-sent ms | p95 enqueue-to-sent ms |");
        System.out.println("|---:|---:|---:|");
        System.out.printf("| %.0f | %.0f | %.0f |%n", delays.length / seconds, BenchApplication.percentile(delays, 50),
                BenchApplication.percentile(delays, 95));
    }
}
