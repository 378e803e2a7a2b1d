package com.classentra.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Lets everyone reach {@link FailingRequestController}, which the application's own chain would refuse as unknown. */
@Configuration(proxyBeanMethods = false)
class FailingRequestSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain failingRequestChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(FailingRequestController.PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
