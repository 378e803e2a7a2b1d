package com.classentra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Builds the benchmark's heavy workspace ({@code bench/heavy-tenant.sql}) with bulk SQL as the schema owner, which
 * row-level security does not apply to, so it takes a minute or two rather than hours through the services.
 */
final class HeavyTenant {

    static final UUID TENANT = uuidOf("bench-tenant");
    static final UUID TEACHER = uuidOf("bench-teacher");
    static final UUID FIRST_STUDENT = uuidOf("bench-student-1");
    static final UUID FIRST_COURSE = uuidOf("bench-course-1");

    private HeavyTenant() {
    }

    /** Builds the workspace unless this database has it already; the statistics are refreshed either way. */
    static void ensure(String url, String owner) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(url, owner, "")) {
            if (!present(db)) {
                long start = System.nanoTime();
                db.setAutoCommit(false);
                try (Statement statement = db.createStatement()) {
                    for (String sql : script().split(";\\s*\\n")) {
                        if (!sql.strip().lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                            statement.execute(sql);
                        }
                    }
                }
                db.commit();
                db.setAutoCommit(true);
                System.out.printf("Built the heavy workspace in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
            }
            try (Statement statement = db.createStatement()) {
                // Fresh statistics and visibility maps, as autovacuum would leave them on a live server.
                statement.execute("VACUUM ANALYZE");
            }
        }
    }

    private static boolean present(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM tenant WHERE id = '" + TENANT + "'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static String script() throws IOException {
        try (InputStream in = HeavyTenant.class.getResourceAsStream("/bench/heavy-tenant.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same id PostgreSQL's {@code md5(name)::uuid} gives. */
    static UUID uuidOf(String name) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(md5);
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
