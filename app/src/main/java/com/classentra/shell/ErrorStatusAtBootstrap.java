package com.classentra.shell;

import com.vaadin.flow.router.NavigationState;
import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gives an address that can only end on an error page its HTTP status. Vaadin answers the first request of a page
 * with its bootstrap page, always 200, and navigates on the browser's next request; only a request it renders on the
 * server at once ("eager server load") gets the status an error view returns. That is done for addresses no view
 * has (404, {@link NotFoundView}) and views the signed-in person may not open (403, {@link ForbiddenView}). Every
 * other page keeps the usual bootstrap: it needs the browser's details, such as its time zone, before it renders,
 * so a record a view does not find is shown by the same not-found view, after a 200.
 */
@Component
class ErrorStatusAtBootstrap implements VaadinServiceInitListener {

    private final AccessAnnotationChecker access = new AccessAnnotationChecker();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        BootstrapInitialPredicate configured = service.getBootstrapInitialPredicate();
        service.setBootstrapInitialPredicate(request -> configured.includeInitialUidl(request) || endsOnAnErrorPage(service, request));
    }

    private boolean endsOnAnErrorPage(VaadinService service, VaadinRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        Optional<NavigationState> target = service.getRouter().resolveNavigationTarget(path, request.getParameterMap());
        if (target.isEmpty()) {
            return true;
        }
        // A visitor is sent to sign in instead, by the security chain or by Vaadin's navigation access control.
        return request instanceof VaadinServletRequest servletRequest && servletRequest.getUserPrincipal() != null
                && !access.hasAccess(target.get().getNavigationTarget(), servletRequest.getHttpServletRequest());
    }
}
