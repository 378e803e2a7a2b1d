package com.classentra.platform.storage;

import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** storage_migration.status typed as the enum it holds; the text column is not used elsewhere. */
final class StorageColumns {

    static final Field<StorageMigration.Status> MIGRATION_STATUS = EnumColumn.of(STORAGE_MIGRATION.STATUS, StorageMigration.Status.class);

    private StorageColumns() {
    }
}
