package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.privacy.PersonalDataRule.Export;
import com.classentra.platform.privacy.PersonalDataRule.Subject;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.plugin.api.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything the registry says is a person's into one ZIP: a README.txt that explains each file, one JSON file
 * per record kind (an array of objects, one per row, with the registered columns), and the bytes of their files under
 * files/. Rows are read with a database cursor and written as they come, and file bytes are copied from storage in
 * small buffers, so memory stays flat whatever the person has (docs/performance.md).
 *
 * <p>It reads in the platform scope, choosing rows by the rule's subject columns: the person's id, their email address,
 * or a workspace they own. Who asks is checked by the caller.
 */
@Component
public class PersonalDataExport {

    private static final int FETCH_SIZE = 500;
    private static final int FILES_PER_PAGE = 200;

    private final PersonalDataRegistry registry;
    private final DSLContext db;
    private final PlatformScope platformScope;
    private final ObjectStore storage;
    private final JsonMapper json = JsonMapper.builder().configure(StreamWriteFeature.AUTO_CLOSE_TARGET, false).build();

    PersonalDataExport(PersonalDataRegistry registry, DSLContext db, PlatformScope platformScope, ObjectStore storage) {
        this.registry = registry;
        this.db = db;
        this.platformScope = platformScope;
        this.storage = storage;
    }

    /** Told which step the export is at, to show progress: the record kind, and how many of all the steps are done. */
    @FunctionalInterface
    public interface Progress {
        void at(String step, int done, int of);
    }

    /** Writes the person's export to {@code out} (not closed). */
    public void write(UUID personId, OutputStream out, Progress progress) throws IOException {
        Whose whose = platformScope.inTransaction(null, "data export: whose", () -> whose(personId));
        List<PersonalDataRule> exported = registry.rules().stream().filter(rule -> rule.export().exported()).toList();
        int steps = exported.size() + 1;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme(exported).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        int done = 0;
        for (PersonalDataRule rule : exported) {
            progress.at(rule.export().recordKind(), done++, steps);
            zip.putNextEntry(new ZipEntry(rule.export().recordKind() + ".json"));
            writeRows(rule, whose, zip);
            zip.closeEntry();
        }
        for (PersonalDataRule rule : exported) {
            if (rule.export().content() != null) {
                progress.at("files", done, steps);
                writeFiles(rule, whose, zip);
            }
        }
        zip.finish();
        progress.at("done", steps, steps);
    }

    /** The person's id, address and the workspaces they own: what subject columns are matched against. */
    private record Whose(UUID id, String email, Set<UUID> ownedWorkspaces) {
    }

    private Whose whose(UUID personId) {
        String email = db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(personId)).fetchSingle(APP_USER.EMAIL);
        Set<UUID> owned = Set.copyOf(db.select(TENANT_MEMBER.TENANT_ID).from(TENANT_MEMBER)
                .where(TENANT_MEMBER.USER_ID.eq(personId), TENANT_MEMBER.ROLE.eq("OWNER")).fetch(TENANT_MEMBER.TENANT_ID));
        return new Whose(personId, email, owned);
    }

    /** The rows of the table that are the person's, by any of its subject columns. */
    private static Condition rowsOf(PersonalDataRule rule, Whose whose) {
        Condition any = DSL.falseCondition();
        for (Subject subject : rule.subjects()) {
            Field<Object> column = DSL.field(subject.column().getQualifiedName());
            Condition named = switch (subject.kind()) {
                case PERSON -> column.eq(whose.id());
                case ADDRESS -> DSL.lower(column.cast(String.class)).eq(whose.email().toLowerCase(java.util.Locale.ROOT));
                case WORKSPACE -> whose.ownedWorkspaces().isEmpty() ? DSL.falseCondition() : column.in(whose.ownedWorkspaces());
                case ABOUT -> DSL.falseCondition();
            };
            any = any.or(named.and(subject.only()));
        }
        return any;
    }

    private void writeRows(PersonalDataRule rule, Whose whose, OutputStream out) {
        Export export = rule.export();
        platformScope.inTransaction(null, "data export: " + export.recordKind(), () -> {
            try (JsonGenerator generator = json.createGenerator(out);
                    Cursor<Record> rows = db.select(export.columns()).from(rule.table()).where(rowsOf(rule, whose))
                            .fetchSize(FETCH_SIZE).fetchLazy()) {
                generator.writeStartArray();
                for (Record row : rows) {
                    generator.writeStartObject();
                    for (Field<?> column : export.columns()) {
                        generator.writeName(column.getName());
                        JsonValues.write(generator, row.get(column));
                    }
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }
            return null;
        });
    }

    /**
     * Copies each file's bytes from storage into files/<id>/<name>. File rows are read a page at a time, each page in a
     * short transaction, so no transaction stays open while storage is read.
     */
    private void writeFiles(PersonalDataRule rule, Whose whose, ZipOutputStream zip) throws IOException {
        Field<UUID> id = DSL.field(DSL.name(rule.table().getName(), "id"), UUID.class);
        Field<String> key = rule.export().content().storageKey();
        Field<String> name = rule.export().content().filename();
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Record3<UUID, String, String>> page = platformScope.inTransaction(null, "data export: files", () ->
                    db.select(id, key, name).from(rule.table()).where(rowsOf(rule, whose)).and(from == null ? DSL.noCondition() : id.gt(from))
                            .orderBy(id).limit(FILES_PER_PAGE).fetch());
            if (page.isEmpty()) {
                return;
            }
            for (Record3<UUID, String, String> file : page) {
                copy(file.value2(), "files/" + file.value1() + "/" + safeName(file.value3()), zip);
            }
            after = page.getLast().value1();
        }
    }

    private void copy(String storageKey, String entry, ZipOutputStream zip) throws IOException {
        Optional<InputStream> content;
        try {
            content = storage.get(storageKey);
        } catch (ProviderException e) {
            throw new IOException("Storage could not give " + entry + ": " + e.getMessage(), e);
        }
        zip.putNextEntry(new ZipEntry(content.isPresent() ? entry : entry + ".missing.txt"));
        if (content.isPresent()) {
            try (InputStream in = content.get()) {
                in.transferTo(zip);
            }
        } else {
            zip.write("This file's content was no longer in storage when the export was made.\n".getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
    }

    /** A file name as a single ZIP path segment: no folders, nothing that climbs out. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll("[/\\\\\\p{Cntrl}]", "_").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
    }

    private static String readme(List<PersonalDataRule> exported) {
        List<String> lines = new ArrayList<>();
        lines.add("Your data from Classentra");
        lines.add("");
        lines.add("This archive holds the personal data Classentra keeps about you, as our privacy policy promises.");
        lines.add("Each .json file is a list of records of one kind; dates and times are in UTC (ISO 8601).");
        lines.add("");
        for (PersonalDataRule rule : exported) {
            lines.add(rule.export().recordKind() + ".json");
            lines.add("    " + rule.export().description());
        }
        lines.add("");
        lines.add("files/");
        lines.add("    The files themselves, one folder per file (named by its id in files.json).");
        lines.add("");
        lines.add("Questions: write to the privacy contact named in the privacy policy.");
        return String.join("\n", lines) + "\n";
    }
}
