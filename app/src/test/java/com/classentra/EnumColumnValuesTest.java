package com.classentra;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TypedColumns;
import com.classentra.testsupport.TypedColumns.TypedColumn;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every text column whose CHECK constraint lists its values is typed by an enum with exactly those constants, so the
 * compiler sees every value the database accepts and a new value cannot be added on one side only.
 */
@ClassentraTest
class EnumColumnValuesTest {

    /** Queue states, shared by every queue table and handled as text by QueueTable alone, with its constants. */
    private static final Set<String> QUEUE_STATES = Set.of("PENDING", "SENDING", "SENT", "DEAD", "DIGEST", "SKIPPED");

    /** Typed columns whose foreign key keeps them to another column's listed values. */
    private static final Map<String, String> CHECKED_THROUGH_FOREIGN_KEY = Map.of("policy_acceptance.kind", "policy_document.kind");

    @Autowired
    DSLContext db;

    @Test
    void everyListedColumnHasAnEnumWithTheSameValues() {
        Map<String, Set<String>> checked = checkedColumns();
        Map<String, TypedColumn> typed = TypedColumns.declaredIn(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.classentra")).stream()
                .collect(Collectors.toMap(TypedColumn::key, Function.identity()));
        assertThat(checked).as("columns with a CHECK list").containsKeys("course_item.kind", "enrolment.status");

        for (var column : checked.entrySet()) {
            TypedColumn declared = typed.get(column.getKey());
            if (declared != null) {
                assertThat(column.getValue()).as(column.getKey() + " against " + declared.type().getName())
                        .isEqualTo(constants(declared.type()));
            } else if (column.getKey().equals("plugin_slot_state.slot")) {
                assertThat(column.getValue()).as("slot keys").isEqualTo(Arrays.stream(Slot.values()).map(Slot::key)
                        .collect(Collectors.toCollection(TreeSet::new)));
            } else {
                assertThat(QUEUE_STATES).as(column.getKey() + " has no typed declaration (an enum in its owner's *Columns class)")
                        .containsAll(column.getValue());
            }
        }
        for (TypedColumn declared : typed.values()) {
            String listedIn = CHECKED_THROUGH_FOREIGN_KEY.getOrDefault(declared.key(), declared.key());
            assertThat(checked).as(declared.key() + " has its values listed in a CHECK constraint").containsKey(listedIn);
            assertThat(typed.get(listedIn).type()).as(declared.key() + " and " + listedIn).isEqualTo(declared.type());
        }
    }

    private static Set<String> constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** table.column to the values its single-column CHECK (... IN (...)) constraint allows, read from the live schema. */
    private Map<String, Set<String>> checkedColumns() {
        Pattern literal = Pattern.compile("'([^']*)'::text");
        Map<String, Set<String>> columns = new TreeMap<>();
        List<org.jooq.Record> rows = db.fetch("""
                select c.conrelid::regclass::text as table_name, a.attname as column_name, pg_get_constraintdef(c.oid) as definition
                from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'c' and c.connamespace = 'public'::regnamespace and cardinality(c.conkey) = 1
                  and pg_get_constraintdef(c.oid) like '%= ANY (ARRAY[%'""");
        for (var row : rows) {
            Set<String> values = new TreeSet<>();
            Matcher matcher = literal.matcher(row.get("definition", String.class));
            while (matcher.find()) {
                values.add(matcher.group(1));
            }
            columns.put(row.get("table_name", String.class) + "." + row.get("column_name", String.class), values);
        }
        return columns;
    }
}
