package com.classentra.shell;

import com.classentra.platform.errors.ErrorPage;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * No view at this address, or a view found nothing the person may see (views reroute here with a sentence of their
 * own, such as "This course does not exist or you are not in it."): 404. Replaces Vaadin's bare "Could not navigate"
 * page, which lists every route in development.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends ErrorView implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        ErrorPage page = ErrorPage.notFound();
        // Only a view's message is a sentence for the person; the router's, for an address without a view, names the address.
        boolean fromAView = event.getSource().resolveNavigationTarget(event.getLocation()).isPresent();
        return show(fromAView && parameter.hasCustomMessage() ? page.explaining(parameter.getCustomMessage()) : page);
    }
}
