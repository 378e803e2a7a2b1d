package com.classentra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each application context of the test suite its own data directory and database. Uses the
 * PostgreSQL server on 127.0.0.1:5432 when it answers (a new database per context, dropped at exit), set up
 * exactly as the README's "Using a real PostgreSQL" says: owned by the non-superuser {@code classentra_owner},
 * which runs the migrations, so every test also proves the schema works without a superuser owner. Otherwise
 * it leaves the URL empty so the application starts its embedded PostgreSQL, as it does for users.
 * Set CLASSENTRA_TEST_DB=embedded to force the embedded path.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path data = Files.createTempDirectory("classentra-test-");
            Map<String, Object> properties = new HashMap<>();
            properties.put("classentra.data-directory", data.toString());
            properties.put("classentra.plugins.directory", TestPlugins.install(data.resolve("extra-plugins")).toString());
            if (localServerAvailable()) {
                String database = createDatabase();
                properties.put("spring.datasource.url", LOCAL_SERVER + database);
                properties.put("spring.datasource.username", "classentra_app");
                properties.put("spring.liquibase.user", ReadmeDatabase.OWNER);
            } else {
                properties.put("spring.datasource.url", "");
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("classentra-test", properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean localServerAvailable() {
        if ("embedded".equalsIgnoreCase(System.getenv("CLASSENTRA_TEST_DB"))) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            try (Connection ignored = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
                return true;
            }
        } catch (IOException | SQLException e) {
            return false;
        }
    }

    private static String createDatabase() {
        String name = "classentra_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "")) {
            ReadmeDatabase.create(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name)));
        return name;
    }

    private static void dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(LOCAL_SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // the server may already be gone at JVM exit; a leftover test database is harmless
        }
    }
}
