package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;

import com.classentra.accounts.AccountPreferences.DashboardView;
import com.classentra.accounts.AccountTokens.Purpose;
import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The account and workspace columns that hold one of this feature's enums, typed; the text columns are not used elsewhere. */
final class AccountColumns {

    static final Field<AccountStatus> STATUS = EnumColumn.of(APP_USER.STATUS, AccountStatus.class);
    static final Field<DashboardView> DASHBOARD_VIEW = EnumColumn.of(APP_USER.DASHBOARD_VIEW, DashboardView.class);
    static final Field<AssistantTone> ASSISTANT_TONE = EnumColumn.of(APP_USER.ASSISTANT_TONE, AssistantTone.class);
    static final Field<Purpose> TOKEN_PURPOSE = EnumColumn.of(ACCOUNT_TOKEN.PURPOSE, Purpose.class);
    static final Field<WorkspaceKind> WORKSPACE_KIND = EnumColumn.of(TENANT.KIND, WorkspaceKind.class);
    static final Field<WorkspaceRole> MEMBER_ROLE = EnumColumn.of(TENANT_MEMBER.ROLE, WorkspaceRole.class);

    private AccountColumns() {
    }

    static boolean active(org.jooq.Record user) {
        return EnumColumn.get(user, STATUS) == AccountStatus.ACTIVE;
    }
}
