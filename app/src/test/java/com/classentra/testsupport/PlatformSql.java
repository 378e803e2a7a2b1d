package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.PLUGIN_SLOT_STATE;
import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_CHANGE;

import com.classentra.platform.db.PlatformScope;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Test access to every tenant's rows: runs jOOQ work in a platform-scope transaction. */
@Component
public class PlatformSql {

    private final PlatformScope platformScope;
    private final DSLContext db;

    PlatformSql(PlatformScope platformScope, DSLContext db) {
        this.platformScope = platformScope;
        this.db = db;
    }

    public <T> T call(Function<DSLContext, T> work) {
        return platformScope.inTransaction(null, "test", () -> work.apply(db));
    }

    /** Rows of the table matching the condition, across all tenants. */
    public int count(Table<?> table, Condition condition) {
        return call(sql -> sql.fetchCount(table, condition));
    }

    /** The single value of the field in the row matching the condition. */
    public <T> T value(TableField<?, T> column, Condition condition) {
        return call(sql -> sql.select(column).from(column.getTable()).where(condition).fetchSingle(column));
    }

    /**
     * Puts every slot back on its default provider and forgets storage migrations and announced subprocessor changes,
     * so tests that switch providers do not affect each other.
     */
    public void resetPluginSlots() {
        call(sql -> {
            sql.deleteFrom(STORAGE_MIGRATION).execute();
            sql.deleteFrom(SUBPROCESSOR_CHANGE).execute();
            return sql.deleteFrom(PLUGIN_SLOT_STATE).execute();
        });
    }
}
