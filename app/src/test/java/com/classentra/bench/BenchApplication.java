package com.classentra.bench;

import com.classentra.ClassentraApplication;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application for a benchmark, on a database of the local PostgreSQL (created when missing) or
 * on {@code -Dbench.url}, as the application role under row-level security, with the background jobs that would
 * compete with the measurement slowed down.
 */
final class BenchApplication {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private BenchApplication() {
    }

    static String owner() {
        return System.getProperty("bench.owner", "postgres");
    }

    /** {@code -Dbench.url}, or the named database of the local server, created when missing. */
    static String databaseUrl(String localDatabase) throws Exception {
        String url = System.getProperty("bench.url", "");
        if (!url.isBlank()) {
            return url;
        }
        try (Connection db = DriverManager.getConnection(LOCAL_SERVER + "postgres", owner(), "");
                Statement statement = db.createStatement();
                ResultSet exists = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + localDatabase + "'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                statement.execute("CREATE DATABASE " + localDatabase);
            }
        }
        return LOCAL_SERVER + localDatabase;
    }

    /**
     * Starting the application migrates the schema (as the owner) before a benchmark builds its data; {@code settings} are
     * more arguments of the benchmark's own.
     */
    static ConfigurableApplicationContext start(String url, String... settings) throws Exception {
        // Command-line arguments, so they win over application.properties (its URL, ports and data directory).
        return new SpringApplicationBuilder(ClassentraApplication.class).run(java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + System.getProperty("bench.app-user", "classentra_app"),
                "--spring.liquibase.user=" + owner(),
                "--classentra.data-directory=" + Files.createTempDirectory("classentra-bench-"),
                "--classentra.outbox.dispatch-interval=1h",
                // The benchmark's SMTP relay (GreenMail) listens on this machine.
                "--classentra.plugins.allow-private-endpoints=true",
                "--server.port=0",
                "--management.server.port=0",
                "--vaadin.devmode.devTools.enabled=false",
                // Development mode keeps two stack traces per component for the IDE links (13 MB per chat page); production does not.
                "--vaadin.devmode.componentTracker.enabled=false"), java.util.Arrays.stream(settings)).toArray(String[]::new));
    }

    static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
