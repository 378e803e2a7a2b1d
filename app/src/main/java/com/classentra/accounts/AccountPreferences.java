package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Preferences chosen by the onboarding survey, for the features that use them. */
@Service
public class AccountPreferences {

    private final DSLContext db;

    AccountPreferences(DSLContext db) {
        this.db = db;
    }

    /** What a dashboard shows first. */
    public enum DashboardView { TODAY, COURSES }

    public DashboardView dashboardView(UUID userId) {
        return db.select(APP_USER.DASHBOARD_VIEW).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.DASHBOARD_VIEW).map(DashboardView::valueOf).orElse(DashboardView.TODAY);
    }
}
