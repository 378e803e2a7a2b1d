package com.classentra.platform.security;

import com.classentra.platform.ratelimit.RateLimitFilter;
import com.classentra.platform.ratelimit.RateLimiter;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two filter chains. Actuator endpoints are served only on the management port (loopback by default,
 * see docs/operations.md), and that chain matches only there. Everything else goes through Vaadin's
 * security configurer: form sign-in at /login, view access by {@code @RolesAllowed}/{@code @AnonymousAllowed},
 * addresses no view or controller answers left to the router's not-found page ({@link RouterRequests}), and every
 * other request denied; rate limits apply before sign-in ({@link RateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Vaadin's client evaluates server-sent JavaScript (executeJs) and Lumo sets inline styles, hence the two
     * 'unsafe-' sources; everything else is locked to this origin and the page cannot be framed.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Actuator is open on the management port because that port is private (loopback by default). If it were
     * the public port (0 means a random port of its own, which is fine), metrics and health details would be on the internet: refuse to start instead.
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementEndpoints(HttpSecurity http, Environment environment) throws Exception {
        String managementPort = environment.getProperty("management.server.port");
        boolean samePort = managementPort != null && !managementPort.equals("0")
                && managementPort.equals(environment.getProperty("server.port", "8080"));
        if (managementPort == null || samePort || managementPort.equals("-1")) {
            throw new IllegalStateException("management.server.port (CLASSENTRA_MANAGEMENT_PORT) must be a separate, private port; "
                    + "see docs/operations.md");
        }
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, SessionRegistry sessionRegistry, ObjectProvider<SignInMethod> signInMethods,
            RateLimiter rateLimiter, SessionDirectory sessionDirectory, SessionRevocations revocations,
            ObjectProvider<RequestMappingHandlerMapping> handlerMappings, ObjectProvider<SecurityContextHolderStrategy> contextStrategy,
            ObjectProvider<FrameSources> frameSources)
            throws Exception {
        http.headers(headers -> headers
                // Vaadin pages are forwarded to the Vaadin servlet, and Tomcat 11 (suspendWrappedResponseAfterForward)
                // completes a forwarded response behind Spring Security's back: headers written "on commit" were
                // lost on every page under 8 KB. Written before the request is handled, they are always sent.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .addHeaderWriter(new ContentSecurityPolicy(frameSources))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Sent on HTTPS requests only; behind a proxy, forwarded headers mark them (server.forward-headers-strategy).
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        // Every session is registered, so a password reset or suspension can end all of a person's sessions.
        http.sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"));
        // The filter chain's own context strategy: the JVM-wide one is replaced by every Vaadin context started in the JVM.
        SecurityContextHolderStrategy contexts = contextStrategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        // Sessions end after inactivity (server.servlet.session.timeout) and, whatever happens, after their absolute lifetime.
        http.addFilterAfter(new SessionValidityFilter(sessionDirectory.absoluteLifetime(), revocations, contexts), SecurityContextHolderFilter.class);
        // After the security context is loaded (the filter spares signed-in people) and before sign-in is processed.
        http.addFilterBefore(new RateLimitFilter(rateLimiter, contexts), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/classentra/**", "/legal/*.txt", "/privacy", "/calendar/feed/*.ics", "/favicon.ico", "/error").permitAll());
        // Providers' webhooks: each is verified by the provider that signed it (WebhookController); no session, no CSRF token.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/webhooks/*/*").permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
        // Signed, short-lived download links: the signature and a fresh rights check stand in for the session.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/files/*/content").permitAll());
        // The entry point that checks a signed-in person's rights to a file and hands out such a link.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/files/*").authenticated());
        // A person's data export: the link is signed, and it works only for its owner, signed in.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/account/data-export/*").authenticated());
        for (SignInMethod method : signInMethods.orderedStream().toList()) {
            method.configure(http);
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/login?signed-out")
                .anyRequest(unmatched -> unmatched.access(new RouterRequests(handlerMappings))));
        return http.build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end, so it does not keep them forever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Argon2id at OWASP's recommended minimum (19 MiB, 2 iterations, parallelism 1) for new hashes; bcrypt
     * hashes (imports) and weaker Argon2 hashes are still read, and rehashed at the person's next sign-in
     * ({@code upgradeEncoding}, through the UserDetailsPasswordService).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
