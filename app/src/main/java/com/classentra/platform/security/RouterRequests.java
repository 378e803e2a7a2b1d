package com.classentra.platform.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The rule for requests no other rule matched: let through what Vaadin's router answers, so an unknown address gets
 * the application's not-found page (404) rather than a refusal, while a controller's path that no rule opens stays
 * denied, as before. The router guards views itself (their access annotations, sign-in first for a visitor).
 * Controllers' paths are read from Spring's handler mappings on the first request, when they are all registered.
 */
final class RouterRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingHandlerMapping> handlerMappings;
    private volatile RequestMatcher controllerPaths;

    RouterRequests(ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
        this.handlerMappings = handlerMappings;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!controllerPaths().matches(context.getRequest()));
    }

    private RequestMatcher controllerPaths() {
        RequestMatcher paths = controllerPaths;
        if (paths == null) {
            List<RequestMatcher> matchers = handlerMappings.orderedStream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .flatMap(info -> info.getPatternValues().stream())
                    .distinct()
                    .<RequestMatcher>map(pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                    .toList();
            paths = matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
            controllerPaths = paths;
        }
        return paths;
    }
}
