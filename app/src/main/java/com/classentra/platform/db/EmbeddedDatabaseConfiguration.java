package com.classentra.platform.db;

import com.classentra.platform.ClassentraProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The zero-setup default: with no database URL configured, run PostgreSQL embedded, with its data kept in
 * {@code <data directory>/postgres} across restarts. Liquibase migrates as the superuser; the application
 * connects as {@code classentra_app}, which row-level security applies to.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ClassentraProperties properties) throws IOException {
        Path directory = properties.dataDirectory().resolve("postgres");
        Files.createDirectories(directory.getParent());
        boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
        log.info("Embedded PostgreSQL {} data in {} (port {})", fresh ? "created with" : "started on", directory, postgres.getPort());
        return postgres;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        return pool(postgres, "classentra_app", "classentra-app", 10);
    }

    @Bean
    @LiquibaseDataSource
    DataSource liquibaseDataSource(EmbeddedPostgres postgres) {
        return pool(postgres, "postgres", "classentra-migrations", 2);
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String user, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(user, "postgres"));
        config.setUsername(user);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        // The application role is created by the first migration: connect lazily, after Liquibase ran.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
