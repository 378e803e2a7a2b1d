package com.classentra.accounts;

import com.classentra.platform.security.SignInMethod;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.web.authentication.ott.RedirectOneTimeTokenGenerationSuccessHandler;

/**
 * Signing in with a link from "Email me a sign-in link" ({@link SignInLinks}) through Spring Security's one-time-token
 * login: {@code POST /login/link} with the token and the CSRF token, sent by the button of the page behind the link
 * (a GET only shows that page). Spring's filter treats the session as a password sign-in does: a new id, a place in
 * the session registry, and the success event {@code SessionDirectory} records the device from. The principal is
 * the same {@code SignedInUser}, loaded by account id, so a suspended account is refused.
 */
@Configuration(proxyBeanMethods = false)
class SignInLinkConfiguration {

    @Bean
    SignInMethod signInLinkLogin(SignInLinks links, AccountUserDetailsService users) {
        return http -> http.oneTimeTokenLogin(login -> login
                .loginPage("/login")
                .loginProcessingUrl(SignInLinks.PATH)
                .showDefaultSubmitPage(false)
                .tokenService(links)
                .authenticationProvider(new OneTimeTokenAuthenticationProvider(links, id -> users.principalFor(UUID.fromString(id))))
                // Checked on the page before the button shows, so this is a race: used meanwhile, expired, or suspended.
                .failureUrl("/sign-in-link?link-failed")
                // Links are asked for on /sign-in-link, which words rate limits and answers alike for every email.
                // Spring's own endpoint (POST /ott/generate) resolves no request, so the handler it requires never runs.
                .generateRequestResolver(request -> null)
                .tokenGenerationSuccessHandler(new RedirectOneTimeTokenGenerationSuccessHandler("/sign-in-link")));
    }
}
