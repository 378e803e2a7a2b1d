package com.classentra.dashboard.ui;

import com.classentra.accounts.AccountPreferences;
import com.classentra.accounts.AccountPreferences.DashboardView;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.ArrayList;
import java.util.List;

/** Orders dashboard cards by the view the person chose in the onboarding survey. */
final class PreferredOrder {

    private PreferredOrder() {
    }

    /**
     * @param cards in "today first" order, the courses card last; it moves to the front for people who
     *              asked to see their courses first
     */
    static Component[] of(AccountPreferences preferences, AuthenticationContext authentication, Component... cards) {
        DashboardView view = authentication.getAuthenticatedUser(SignedInUser.class)
                .map(user -> preferences.dashboardView(user.id())).orElse(DashboardView.TODAY);
        if (view == DashboardView.TODAY) {
            return cards;
        }
        List<Component> ordered = new ArrayList<>(List.of(cards));
        ordered.addFirst(ordered.removeLast());
        return ordered.toArray(Component[]::new);
    }
}
