package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.ClassentraApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Both ways to run the database: the zero-setup embedded default, which keeps its data across restarts,
 * and an external server given by URL, where the app connects as classentra_app and migrates as the owner.
 */
class DatabaseModesTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--classentra.data-directory=" + data, "--spring.main.banner-mode=off",
                "--server.port=0", "--management.server.port=0"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(ClassentraApplication.class).run(arguments.toArray(String[]::new));
    }

    private ConfigurableApplicationContext start() {
        return start("--spring.datasource.url=");
    }

    @Test
    void usesAnExternalServerGivenByUrlWithoutStartingItsOwn() throws Exception {
        // A separate PostgreSQL server stands in for a managed one (Neon, RDS...).
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = start("--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres").replace("?user=postgres", ""),
                        "--spring.liquibase.user=postgres")) {
            assertThat(app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
            assertThat(Files.exists(data.resolve("postgres"))).isFalse();
            String role = app.getBean(DSLContext.class).fetchValue(DSL.field("current_user", String.class));
            assertThat(role).isEqualTo("classentra_app");
            try (Connection owner = external.getPostgresDatabase().getConnection(); Statement statement = owner.createStatement();
                    ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables where table_name = 'plugin_slot_state'")) {
                tables.next();
                assertThat(tables.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void startsEmbeddedMigratesAndKeepsDataAcrossRestarts() {
        UUID tenant = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(EmbeddedPostgres.class)).isNotNull();
            first.getBean(PlatformScope.class).call(null, "test", () -> first.getBean(TransactionTemplate.class).execute(status ->
                    first.getBean(DSLContext.class).insertInto(TENANT).set(TENANT.ID, tenant).set(TENANT.KIND, "ORGANIZATION")
                            .set(TENANT.NAME, "Conservatoire").execute()));
        }
        assertThat(Files.exists(data.resolve("postgres/PG_VERSION"))).isTrue();
        assertThat(Files.exists(data.resolve("master.key"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            String name = second.getBean(PlatformScope.class).call(null, "test", () -> second.getBean(TransactionTemplate.class).execute(status ->
                    second.getBean(DSLContext.class).select(TENANT.NAME).from(TENANT).where(TENANT.ID.eq(tenant)).fetchSingle(TENANT.NAME)));
            assertThat(name).isEqualTo("Conservatoire");
        }
    }
}
