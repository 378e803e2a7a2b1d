package com.classentra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.SubprocessorDisclosure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The product's subprocessor list (seeds/subprocessors.txt, the spec) as rows, read from its tab-separated
 * transcription (seeds/subprocessors.tsv). A provider naming a company of the list must describe it as the list does.
 */
public final class SubprocessorSeed {

    /** One row of the seed's table. */
    public record Row(String legalEntity, String purpose, String location, String dataCategories, String dpf) {

        /** The row's cells run together, as the seed's plain text shows them. */
        String asSeedLine() {
            return legalEntity + purpose + location + dataCategories + dpf;
        }
    }

    private SubprocessorSeed() {
    }

    static String seedText() {
        return resource("seeds/subprocessors.txt");
    }

    public static Map<String, Row> rows() {
        return resource("seeds/subprocessors.tsv").lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .map(cells -> new Row(cells[0], cells[1], cells[2], cells[3], cells[4]))
                .collect(Collectors.toMap(Row::legalEntity, Function.identity()));
    }

    public static Optional<Row> rowFor(SubprocessorDisclosure disclosure) {
        return Optional.ofNullable(rows().get(disclosure.legalEntity()));
    }

    /** Fails unless the disclosure names a company of the seed and says what its row says. */
    public static void assertMatchesSeed(SubprocessorDisclosure disclosure) {
        assertThat(disclosure.sharesPersonalData()).isTrue();
        Row row = rowFor(disclosure).orElseThrow(() -> new AssertionError(disclosure.legalEntity() + " is not in the subprocessor seed"));
        assertThat(disclosure.purpose()).as("purpose of " + row.legalEntity()).isEqualTo(row.purpose());
        assertThat(disclosure.location()).as("location of " + row.legalEntity()).isEqualTo(row.location());
        assertThat(categories(String.join(", ", disclosure.dataCategories()))).as("data categories of " + row.legalEntity())
                .isEqualTo(categories(row.dataCategories()));
        assertThat(disclosure.dpfStatus().label()).as("DPF status of " + row.legalEntity()).isEqualTo(row.dpf());
    }

    /** The seed writes categories as a list with commas, semicolons or "and"; their order and case do not matter. */
    static Set<String> categories(String text) {
        return Arrays.stream(text.split(",|;| and ")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String resource(String name) {
        try (InputStream in = SubprocessorSeed.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
