package com.classentra.platform.db;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * Refuses to run when the application's database role could read past row-level security (a superuser
 * or a role with BYPASSRLS): tenant isolation would silently be off.
 */
@Component
class RowLevelSecurityGuard {

    private final DSLContext db;

    RowLevelSecurityGuard(DSLContext db) {
        this.db = db;
    }

    @EventListener(ApplicationStartedEvent.class)
    void checkApplicationRole() {
        Record2<String, Boolean> role = db.select(field("rolname", String.class), field("rolsuper or rolbypassrls", Boolean.class))
                .from(table("pg_roles"))
                .where(field("rolname").eq(field("current_user")))
                .fetchSingle();
        if (role.value2()) {
            throw new IllegalStateException("The database user '" + role.value1() + "' is a superuser or has BYPASSRLS, "
                    + "so row-level security would not isolate tenants. Connect as the classentra_app role "
                    + "and run migrations as the schema owner (CLASSENTRA_DB_OWNER_USER); "
                    + "see docs/operations.md.");
        }
    }
}
