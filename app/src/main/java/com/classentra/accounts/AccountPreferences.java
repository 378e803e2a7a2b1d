package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;

import com.classentra.platform.db.ScopedTransactions;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Preferences chosen by the onboarding survey, for the features that use them. */
@Service
public class AccountPreferences {

    private final DSLContext db;
    private final ScopedTransactions scoped;

    AccountPreferences(DSLContext db, ScopedTransactions scoped) {
        this.db = db;
        this.scoped = scoped;
    }

    /** What a dashboard shows first. */
    public enum DashboardView { TODAY, COURSES }

    public DashboardView dashboardView(UUID userId) {
        return scoped.asUser(userId, () -> db.select(AccountColumns.DASHBOARD_VIEW).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(AccountColumns.DASHBOARD_VIEW).orElse(DashboardView.TODAY));
    }
}
