package com.classentra.accounts.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SignUpCountryPolicyTest {

    private static final List<String> DEFAULT_BLOCKED = List.of("CN", "RU", "VN", "KZ", "CU", "IR", "KP", "SY");

    private static MockHttpServletRequest request(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/signup");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void refusesBlockedCountriesFromATrustedEdgeHeaderWithAPoliteReason() {
        SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of("CF-IPCountry"), DEFAULT_BLOCKED);

        assertThat(policy.refusal(request("CF-IPCountry", "RU"))).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("Sorry, Classentra accounts cannot be created from Russia."));
        for (String code : DEFAULT_BLOCKED) {
            assertThat(policy.refusal(request("CF-IPCountry", code.toLowerCase()))).as(code).isPresent();
        }
        assertThat(policy.refusal(request("CF-IPCountry", "CA"))).isEmpty();
        assertThat(policy.refusal(request("CF-IPCountry", "XX"))).as("Cloudflare: unknown").isEmpty();
        assertThat(policy.refusal(request("CF-IPCountry", "T1"))).as("Cloudflare: Tor").isEmpty();
        assertThat(policy.refusal(request())).as("no header: unknown").isEmpty();
    }

    @Test
    void ignoresCountryHeadersNobodyConfiguredSinceAnyClientCanSendThem() {
        SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of(), DEFAULT_BLOCKED);
        assertThat(policy.knowsCountries()).as("no header and no database: the dashboard warns").isFalse();
        assertThat(new SignUpCountryPolicy(List.of("CF-IPCountry"), DEFAULT_BLOCKED).knowsCountries()).isTrue();

        assertThat(policy.refusal(request("CF-IPCountry", "CN", "X-Vercel-IP-Country", "CN"))).isEmpty();
        assertThat(new SignUpCountryPolicy(List.of("X-Vercel-IP-Country"), DEFAULT_BLOCKED)
                .refusal(request("CF-IPCountry", "CN", "X-Vercel-IP-Country", "FR"))).as("only the trusted header counts").isEmpty();
    }

    @Test
    void usesTheFirstTrustedHeaderThatKnowsTheCountry() {
        SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of("CF-IPCountry", "X-Vercel-IP-Country"), DEFAULT_BLOCKED);

        assertThat(policy.country(request("CF-IPCountry", "XX", "X-Vercel-IP-Country", "ir"))).contains("IR");
        assertThat(policy.refusal(request("CF-IPCountry", "XX", "X-Vercel-IP-Country", "IR"))).isPresent();
    }

    @Test
    void theBlockedListIsConfigurableAndChecked() {
        SignUpCountryPolicy policy = new SignUpCountryPolicy(List.of("X-Vercel-IP-Country"), List.of("CN", "RU", "VN", "KZ", " by "));

        assertThat(policy.refusal(request("X-Vercel-IP-Country", "BY"))).isPresent();
        assertThat(policy.refusal(request("X-Vercel-IP-Country", "CU"))).as("left out of this list").isEmpty();
        assertThatThrownBy(() -> new SignUpCountryPolicy(List.of(), List.of("CN", "UK", "Russia")))
                .hasMessageContaining("[RUSSIA, UK]");
    }
}
