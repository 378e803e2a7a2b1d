package com.classentra.platform.db;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.EnumConverter;

/**
 * A text column whose CHECK constraint lists an enum's constants, seen as that enum. The generated classes keep such
 * columns as text because they compile in the {@code db} module, before the features that own the enums; each owner
 * declares its columns once with this (in its {@code *Columns} class), EnumColumnValuesTest checks the CHECK lists
 * against the enums, and ArchitectureTest keeps everyone else off the text column.
 *
 * <p>The typed column works in SELECT (the fetched value is the enum), WHERE, and the SET of INSERT and UPDATE
 * statements. A generated table record holds the text: read it with {@link #get}, and write with a statement rather
 * than the record's {@code set}, which would store the enum unconverted.
 */
public final class EnumColumn {

    private EnumColumn() {
    }

    public static <E extends Enum<E>> Field<E> of(Field<String> column, Class<E> type) {
        // The same qualified name, so it renders as the text column wherever jOOQ writes it.
        return DSL.field(column.getQualifiedName(), column.getDataType().asConvertedDataType(new EnumConverter<>(String.class, type)));
    }

    /**
     * The column's value in a fetched record, whether the record holds the enum (the typed column was selected) or the
     * text (a table record); a text that names no constant is an error, never a silent null.
     */
    public static <E extends Enum<E>> E get(Record record, Field<E> column) {
        Object stored = ((Record) record).get((Field<?>) column);
        if (stored == null || column.getType().isInstance(stored)) {
            return column.getType().cast(stored);
        }
        return Enum.valueOf(column.getType(), (String) stored);
    }
}
