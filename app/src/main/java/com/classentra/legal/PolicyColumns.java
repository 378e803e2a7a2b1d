package com.classentra.legal;

import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_CHANGE;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The legal feature's enum columns, typed: which document a version or an acceptance is of, where an announced change stands. */
final class PolicyColumns {

    static final Field<PolicyKind> DOCUMENT_KIND = EnumColumn.of(POLICY_DOCUMENT.KIND, PolicyKind.class);
    static final Field<PolicyKind> ACCEPTANCE_KIND = EnumColumn.of(POLICY_ACCEPTANCE.KIND, PolicyKind.class);
    static final Field<ChangeStatus> CHANGE_STATUS = EnumColumn.of(SUBPROCESSOR_CHANGE.STATUS, ChangeStatus.class);

    private PolicyColumns() {
    }
}
