package com.classentra.db.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.util.stream.Stream;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time program (run by exec-maven-plugin in generate-sources): applies the Liquibase changelog to a
 * throwaway embedded PostgreSQL and generates jOOQ classes from the real schema, so no database server is
 * needed to build. Skips the work when the output is newer than every changelog file.
 *
 * <p>Arguments: resources directory, changelog path inside it, output directory, target package, and this
 * program's source file (a change to it regenerates too).
 */
public final class GenerateJooq {

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args[0]);
        String changelog = args[1];
        Path output = Path.of(args[2]);
        String targetPackage = args[3];
        Path generatorSource = Path.of(args[4]);
        Path stamp = output.resolve(".generated-from-changelog");

        if (Files.exists(stamp) && newestInput(resources, generatorSource).compareTo(Files.getLastModifiedTime(stamp)) <= 0) {
            System.out.println("jOOQ classes are up to date with the changelog");
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                // Liquibase.close() closes its connection, so jOOQ gets a connection of its own below.
                try (var liquibase = new Liquibase(changelog, new DirectoryResourceAccessor(resources), database)) {
                    liquibase.update("");
                }
            }
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("databasechangelog|databasechangeloglock|scheduled_tasks|rate_limit_bucket|app_current_.*|app_platform_scope"))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withJavaTimeTypes(true)
                                    .withFluentSetters(true))
                            .withTarget(new Target()
                                    .withPackageName(targetPackage)
                                    .withDirectory(output.toString())
                                    .withClean(true))));
        }
        Files.writeString(stamp, "generated\n");
    }

    private static FileTime newestInput(Path... roots) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                FileTime candidate = files.filter(Files::isRegularFile).map(GenerateJooq::modified)
                        .max(FileTime::compareTo).orElse(newest);
                newest = candidate.compareTo(newest) > 0 ? candidate : newest;
            }
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
