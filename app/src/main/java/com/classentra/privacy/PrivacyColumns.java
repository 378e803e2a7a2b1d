package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The privacy feature's columns that hold one of its enums, typed; the text columns are not used elsewhere. */
final class PrivacyColumns {

    static final Field<DeletionStatus> DELETION_STATUS = EnumColumn.of(ACCOUNT_DELETION.STATUS, DeletionStatus.class);

    private PrivacyColumns() {
    }
}
