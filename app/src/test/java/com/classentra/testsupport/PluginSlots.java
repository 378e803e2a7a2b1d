package com.classentra.testsupport;

import static com.classentra.db.jooq.Tables.PLUGIN_SLOT_STATE;

import com.classentra.platform.db.PlatformScope;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts every slot back on its default provider, so tests that switch providers do not affect each other. */
public final class PluginSlots {

    private PluginSlots() {
    }

    public static void resetToDefaults(PlatformScope platformScope, TransactionTemplate transactions, DSLContext db) {
        platformScope.call(null, "test cleanup", () -> transactions.execute(status -> db.deleteFrom(PLUGIN_SLOT_STATE).execute()));
    }
}
