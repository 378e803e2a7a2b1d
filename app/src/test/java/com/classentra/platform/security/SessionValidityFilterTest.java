package com.classentra.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionValidityFilterTest {

    private static MockHttpSession run(Duration lifetime, long ageMillis) throws Exception {
        MockHttpSession session = new MockHttpSession();
        Thread.sleep(ageMillis);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        new SessionValidityFilter(lifetime, null, org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy()).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return session;
    }

    @Test
    void aSessionOlderThanTheAbsoluteLifetimeEndsHoweverActive() throws Exception {
        assertThat(run(Duration.ofMillis(5), 20).isInvalid()).isTrue();
    }

    @Test
    void aYoungerSessionGoesOn() throws Exception {
        assertThat(run(Duration.ofHours(12), 0).isInvalid()).isFalse();
    }
}
