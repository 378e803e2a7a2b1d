package com.classentra.legal;

import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** Which document a version or an acceptance is of, typed; the text columns are not used elsewhere. */
final class PolicyColumns {

    static final Field<PolicyKind> DOCUMENT_KIND = EnumColumn.of(POLICY_DOCUMENT.KIND, PolicyKind.class);
    static final Field<PolicyKind> ACCEPTANCE_KIND = EnumColumn.of(POLICY_ACCEPTANCE.KIND, PolicyKind.class);

    private PolicyColumns() {
    }
}
