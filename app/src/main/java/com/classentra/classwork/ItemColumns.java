package com.classentra.classwork;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The course_item columns that hold one of classwork's enums, typed; the text columns are not used elsewhere. */
public final class ItemColumns {

    public static final Field<ItemKind> KIND = EnumColumn.of(COURSE_ITEM.KIND, ItemKind.class);
    public static final Field<GradingScale> GRADING_SCALE = EnumColumn.of(COURSE_ITEM.GRADING_SCALE, GradingScale.class);
    public static final Field<LatePolicy> LATE_POLICY = EnumColumn.of(COURSE_ITEM.LATE_POLICY, LatePolicy.class);

    private ItemColumns() {
    }
}
