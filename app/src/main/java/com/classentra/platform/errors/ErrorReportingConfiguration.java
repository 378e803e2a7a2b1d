package com.classentra.platform.errors;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErrorReportingConfiguration {

    /** Just after Spring Security's chain: inside its scope, so the signed-in person is known when a request fails. */
    @Bean
    FilterRegistrationBean<ServerErrorFilter> serverErrorFilter(ErrorCapture capture) {
        FilterRegistrationBean<ServerErrorFilter> registration = new FilterRegistrationBean<>(new ServerErrorFilter(capture));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
