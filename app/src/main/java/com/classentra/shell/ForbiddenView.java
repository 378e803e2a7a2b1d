package com.classentra.shell;

import com.classentra.platform.errors.ErrorPage;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * A signed-in person opened a view their roles do not allow (a student at /admin): 403. Visitors never get here,
 * Vaadin sends them to sign in first. Which records exist is still never told: a record the person may not see is
 * "not found" ({@link NotFoundView}).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ForbiddenView extends ErrorView implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return show(ErrorPage.forbidden());
    }
}
