package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.AnotherNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        return AnotherNode.start(arguments.toArray(String[]::new));
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

    /**
     * The README's "Using a real PostgreSQL" path on a server of its own (so it runs even where no local server
     * answers): a non-superuser owner migrates, and the lookups that must see past row-level security work for it.
     */
    @Test
    void migratesAsANonSuperuserOwnerCreatedAsTheReadmeSaysAndItsDefinerFunctionsWork() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            try (Connection superuser = server.getPostgresDatabase().getConnection()) {
                com.classentra.testsupport.ReadmeDatabase.create(superuser, "classentra");
            }
            String url = server.getJdbcUrl("postgres", "classentra").replace("?user=postgres", "");
            try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url,
                    "--spring.liquibase.user=" + com.classentra.testsupport.ReadmeDatabase.OWNER, "--spring.liquibase.password=owner-secret")) {
                DSLContext db = app.getBean(DSLContext.class);
                TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
                assertThat(db.fetchValue("select rolsuper or rolbypassrls from pg_roles where rolname = 'classentra_owner'")).isEqualTo(false);
                assertThat(db.fetchValue("select pg_get_userbyid(relowner) from pg_class where relname = 'course'")).isEqualTo("classentra_owner");

                UUID tenant = UUID.randomUUID();
                UUID teacher = UUID.randomUUID();
                UUID student = UUID.randomUUID();
                UUID course = UUID.randomUUID();
                app.getBean(PlatformScope.class).inTransaction(null, "test", () -> {
                    db.execute("insert into app_user (id, email, first_name, last_name, roles) values (?, 't@example.com', 'T', 'T', '{TEACHER}'),"
                            + " (?, 's@example.com', 'S', 'S', '{STUDENT}')", teacher, student);
                    db.execute("insert into tenant (id, kind, name) values (?, 'PERSONAL', 'Studio')", tenant);
                    db.execute("insert into tenant_member (tenant_id, user_id, role) values (?, ?, 'OWNER')", tenant, teacher);
                    db.execute("insert into course (id, tenant_id, title, join_code) values (?, ?, 'Lieder', 'ABCD2345')", course, tenant);
                    return db.execute("insert into calendar_feed (user_id, token_hash) values (?, 'feed-hash')", student);
                });

                DbScope.user(student).run(() -> transactions.executeWithoutResult(status -> {
                    assertThat(db.fetchValue("select outcome from join_course_by_code('abcd2345')")).isEqualTo("JOINED");
                    assertThat(db.fetch("select * from course_teacher_ids(?, ?)", course, tenant).getValues(0, UUID.class))
                            .as("a turn-in notifies the teacher").containsExactly(teacher);
                }));
                assertThat(db.fetchValue("select calendar_feed_owner('feed-hash')")).isEqualTo(student);
                assertThat(db.fetchValue("select account_id_for_email('S@example.com')")).isEqualTo(student);
            }
        }
    }
}
