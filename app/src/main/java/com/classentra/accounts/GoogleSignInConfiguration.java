package com.classentra.accounts;

import com.classentra.accounts.GoogleAccounts.GoogleIdentity;
import com.classentra.accounts.GoogleAccounts.GoogleSignInRefused;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.plugins.DisclosedProcessor;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignInMethod;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * "Continue with Google" (OpenID Connect through Spring Security's OAuth2 client). Active only when
 * {@code CLASSENTRA_GOOGLE_CLIENT_ID} and {@code CLASSENTRA_GOOGLE_CLIENT_SECRET} are set. After Google
 * answers, the account is found, linked or created ({@link GoogleAccounts}) and the session gets the same
 * kind of principal as a password sign-in, so everything downstream treats both alike.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("classentra.google.client-id")
class GoogleSignInConfiguration {

    /** Session attribute holding the role chosen on the sign-up page before going to Google. */
    static final String REQUESTED_ROLE = "classentra.google.requested-role";
    /** Session attribute holding the age group given on the sign-up page, checked there; a new account needs it. */
    static final String REQUESTED_AGE = "classentra.google.requested-age";

    /** Google receives the sign-in of those who choose it: on the subprocessor page and in the privacy policy while configured. */
    @Bean
    DisclosedProcessor googleSignInProcessor() {
        return new DisclosedProcessor(SubprocessorDisclosure.thirdParty("Google LLC", "Sign-in with a Google account, for those who choose it",
                "United States", List.of("Google account id", "email address", "name", "profile picture address"), DpfStatus.YES),
                "Sign-in with Google");
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(@Value("${classentra.google.client-id}") String clientId,
            @Value("${classentra.google.client-secret}") String clientSecret,
            @Value("${classentra.google.issuer-uri:}") String issuerUri) {
        // Google's endpoints are built in; an issuer URI (a test server, or Google's own) is discovered instead.
        ClientRegistration.Builder google = issuerUri.isBlank()
                ? CommonOAuth2Provider.GOOGLE.getBuilder("google")
                : ClientRegistrations.fromIssuerLocation(issuerUri).registrationId("google").clientName("Google");
        return new InMemoryClientRegistrationRepository(google.clientId(clientId).clientSecret(clientSecret)
                .scope("openid", "email", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build());
    }

    @Bean
    SignInMethod googleSignIn(GoogleAccounts googleAccounts, AccountUserDetailsService users, SessionRegistry sessions,
            SessionDirectory directory, SignUpCountryPolicy countries) {
        return http -> http.authorizeHttpRequests(requests -> requests.requestMatchers("/signup/google").permitAll())
                .oauth2Login(login -> login
                .loginPage("/login")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new LinkingUserService(googleAccounts, countries)))
                .successHandler((request, response, authentication) -> {
                    UUID accountId = ((LinkedOidcUser) authentication.getPrincipal()).accountId();
                    SignedInUser principal = users.principalFor(accountId);
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    new HttpSessionSecurityContextRepository().saveContext(context, request, response);
                    sessions.registerNewSession(request.getSession().getId(), principal);
                    directory.remember(request.getSession(), request.getHeader("User-Agent"));
                    response.sendRedirect(request.getContextPath() + "/");
                })
                // The reason travels in the session, not the URL, so nobody can make the sign-in page say something else.
                .failureHandler((request, response, exception) -> {
                    request.getSession().setAttribute(SignInOptions.GOOGLE_ERROR, exception.getMessage());
                    response.sendRedirect(request.getContextPath() + "/login?google-error");
                }));
    }

    /** Finds, links or creates the account while Google's answer is being checked, so a refusal fails the sign-in. */
    static final class LinkingUserService extends OidcUserService {

        private final GoogleAccounts googleAccounts;
        private final SignUpCountryPolicy countries;

        LinkingUserService(GoogleAccounts googleAccounts, SignUpCountryPolicy countries) {
            this.googleAccounts = googleAccounts;
            this.countries = countries;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser google = super.loadUser(request);
            GoogleIdentity identity = new GoogleIdentity(google.getSubject(), google.getEmail(), Boolean.TRUE.equals(google.getEmailVerified()),
                    google.getGivenName(), google.getFamilyName(), google.getFullName(), google.getPicture());
            try {
                return new LinkedOidcUser(google, googleAccounts.accountFor(identity, requestedRole(), requestedAge(), origin()));
            } catch (GoogleSignInRefused refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error("account_refused"), refused.getMessage());
            }
        }

        private RequestOrigin origin() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                return new RequestOrigin(request.getRemoteAddr(), countries.refusal(request), countries.country(request));
            }
            return RequestOrigin.address("unknown");
        }

        private static AgeGroup requestedAge() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpSession session = attributes.getRequest().getSession(false);
                if (session != null && session.getAttribute(REQUESTED_AGE) instanceof AgeGroup age) {
                    session.removeAttribute(REQUESTED_AGE);
                    return age;
                }
            }
            return null;
        }

        private static Role requestedRole() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(REQUESTED_ROLE) instanceof Role role) {
                    session.removeAttribute(REQUESTED_ROLE);
                    return role;
                }
            }
            return Role.STUDENT;
        }
    }

    /** Google's user together with the Classentra account it belongs to. */
    record LinkedOidcUser(OidcUser google, UUID accountId) implements OidcUser {

        @Override
        public java.util.Map<String, Object> getClaims() {
            return google.getClaims();
        }

        @Override
        public org.springframework.security.oauth2.core.oidc.OidcUserInfo getUserInfo() {
            return google.getUserInfo();
        }

        @Override
        public org.springframework.security.oauth2.core.oidc.OidcIdToken getIdToken() {
            return google.getIdToken();
        }

        @Override
        public java.util.Map<String, Object> getAttributes() {
            return google.getAttributes();
        }

        @Override
        public java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> getAuthorities() {
            return google.getAuthorities();
        }

        @Override
        public String getName() {
            return google.getName();
        }
    }
}
