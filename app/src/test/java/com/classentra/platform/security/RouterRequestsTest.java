package com.classentra.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The catch-all rule: what no controller answers may reach Vaadin's router; a controller's path stays denied. */
class RouterRequestsTest {

    /** A controller someone forgot to give a security rule. */
    @RestController
    static class ForgottenController {
        @GetMapping("/reports/{id}/export")
        String export() {
            return "every grade of every student";
        }
    }

    private final RouterRequests rule = rule();

    private static RouterRequests rule() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("forgotten", ForgottenController.class);
        context.registerSingleton("mapping", RequestMappingHandlerMapping.class);
        context.refresh();
        return new RouterRequests(context.getBeanProvider(RequestMappingHandlerMapping.class));
    }

    private boolean granted(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return rule.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
    }

    @Test
    void anAddressNoControllerAnswersGoesToTheRouter() {
        assertThat(granted("GET", "/no-such-page")).isTrue();
        assertThat(granted("GET", "/reports")).isTrue();
        assertThat(granted("GET", "/reports/42/export/more")).isTrue();
    }

    @Test
    void aControllersPathWithoutARuleStaysDeniedWhateverTheMethod() {
        assertThat(granted("GET", "/reports/42/export")).isFalse();
        assertThat(granted("POST", "/reports/42/export")).isFalse();
    }
}
