package com.classentra.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;

/**
 * The enum-typed columns the features declare in their {@code *Columns} classes (with EnumColumn), found by reading
 * those classes: the declarations are the only list, so a new one is checked without being registered anywhere else.
 */
public final class TypedColumns {

    /** One declared column: which text column it types and as which enum. */
    public record TypedColumn(String table, String column, Class<?> type, String declaredIn) {

        public String key() {
            return table + "." + column;
        }

        /** The generated table class's field for the text column, as in {@code CourseItem.KIND}. */
        public String tableClass() {
            return "com.classentra.db.jooq.tables." + camel(table);
        }

        public String fieldName() {
            return column.toUpperCase(Locale.ROOT);
        }

        public String recordClass() {
            return "com.classentra.db.jooq.tables.records." + camel(table) + "Record";
        }

        /** The generated record's text accessors, as in {@code getKind} and {@code setKind}. */
        public List<String> accessors() {
            return List.of("get" + camel(column), "set" + camel(column));
        }
    }

    private TypedColumns() {
    }

    public static List<TypedColumn> declaredIn(JavaClasses classes) {
        List<TypedColumn> typed = new ArrayList<>();
        for (JavaClass holder : classes) {
            if (!holder.getSimpleName().endsWith("Columns") || holder.getPackageName().startsWith("com.classentra.db")) {
                continue;
            }
            for (var member : holder.reflect().getDeclaredFields()) {
                if (!Modifier.isStatic(member.getModifiers()) || !Field.class.isAssignableFrom(member.getType())) {
                    continue;
                }
                try {
                    member.setAccessible(true);
                    Field<?> field = (Field<?>) member.get(null);
                    String[] name = field.getQualifiedName().getName();
                    typed.add(new TypedColumn(name[name.length - 2], name[name.length - 1], field.getType(), holder.getName()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return typed;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
