package com.classentra.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A way to sign in besides email and password (Google, later others), contributed by a feature and added
 * to the application's security chain when it is configured.
 */
public interface SignInMethod {

    void configure(HttpSecurity http) throws Exception;
}
