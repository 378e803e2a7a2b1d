package com.classentra.platform.db;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.classwork.ItemKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** A typed column is the text column in every statement, and its enum when read. */
class EnumColumnTest {

    private static final Field<ItemKind> KIND = EnumColumn.of(COURSE_ITEM.KIND, ItemKind.class);
    private final DSLContext db = DSL.using(SQLDialect.POSTGRES);

    @Test
    void rendersAsTheTextColumnWithTheConstantsName() {
        assertThat(db.insertInto(COURSE_ITEM).set(KIND, ItemKind.NOTE).getSQL(ParamType.INLINED))
                .isEqualTo("insert into \"course_item\" (\"kind\") values ('NOTE')");
        assertThat(db.update(COURSE_ITEM).set(KIND, ItemKind.NOTE).where(KIND.eq(ItemKind.FILE)).getSQL(ParamType.INLINED))
                .isEqualTo("update \"course_item\" set \"kind\" = 'NOTE' where \"course_item\".\"kind\" = 'FILE'");
    }

    @Test
    void readsTheEnumFromATableRecordThatHoldsTheText() {
        var record = db.newRecord(COURSE_ITEM);
        record.setKind("LINK");
        assertThat(EnumColumn.get(record, KIND)).isEqualTo(ItemKind.LINK);
    }

    @Test
    void readsTheEnumFromARecordOfTheTypedSelect() {
        var record = db.newRecord(KIND);
        record.value1(ItemKind.FILE);
        assertThat(EnumColumn.get(record, KIND)).isEqualTo(ItemKind.FILE);
    }

    @Test
    void aValueOutsideTheEnumIsAnErrorNotANull() {
        var record = db.newRecord(COURSE_ITEM);
        record.setKind("PODCAST");
        assertThatThrownBy(() -> EnumColumn.get(record, KIND)).hasMessageContaining("PODCAST");
    }
}
