package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.ClassentraApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The zero-setup default: with no database URL the app runs PostgreSQL itself and keeps its data. */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ClassentraApplication.class)
                .run("--spring.datasource.url=", "--classentra.data-directory=" + data, "--spring.main.banner-mode=off",
                        "--server.port=0", "--management.server.port=0");
    }

    @Test
    void startsEmbeddedMigratesAndKeepsDataAcrossRestarts() {
        UUID tenant = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isNotNull();
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
