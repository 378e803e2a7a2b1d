package com.classentra.accounts.abuse;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-up from the countries where accounts may not be created: those the privacy policy names for
 * data-residency reasons (China, Russia, Vietnam, Kazakhstan) and those under comprehensive sanctions (Cuba,
 * Iran, North Korea, Syria), together {@code classentra.abuse.blocked-countries}.
 *
 * <p>The country comes first from request headers that the operator's edge sets and clients cannot
 * ({@code classentra.abuse.country-headers}, e.g. {@code CF-IPCountry} behind Cloudflare or
 * {@code X-Vercel-IP-Country}); with none configured, no header is believed, since anyone can send one. When no
 * trusted header knows it, the optional local GeoIP database ({@link GeoIpCountries}) is asked about the request's
 * remote address. An unknown country is allowed: refusing it would refuse everyone on a server without an edge or
 * database that knows.
 */
@Component
public class SignUpCountryPolicy {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<String> countryHeaders;
    private final Set<String> blocked;
    private final GeoIpCountries geoIp;

    @Autowired
    SignUpCountryPolicy(@Value("${classentra.abuse.country-headers:}") List<String> countryHeaders,
            @Value("${classentra.abuse.blocked-countries:CN,RU,VN,KZ,CU,IR,KP,SY}") List<String> blockedCountries,
            GeoIpCountries geoIp) {
        this.geoIp = geoIp;
        this.countryHeaders = countryHeaders.stream().map(String::strip).filter(header -> !header.isEmpty()).toList();
        this.blocked = blockedCountries.stream().map(code -> code.strip().toUpperCase(Locale.ROOT)).filter(code -> !code.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        List<String> unknown = blocked.stream().filter(code -> !ISO_COUNTRIES.contains(code)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("classentra.abuse.blocked-countries takes ISO 3166 two-letter codes; not codes: " + unknown);
        }
    }

    /** Without a GeoIP database: the country comes from trusted headers only. */
    SignUpCountryPolicy(List<String> countryHeaders, List<String> blockedCountries) {
        this(countryHeaders, blockedCountries, GeoIpCountries.none());
    }

    /**
     * Whether this server can tell where a sign-up comes from at all: a trusted country header or a GeoIP database.
     * Without either, every country is unknown and blocking admits everyone (the administrator is warned).
     */
    public boolean knowsCountries() {
        return !countryHeaders.isEmpty() || geoIp.available();
    }

    /** Why this request may not create an account, in words for the person; empty when it may. */
    public Optional<String> refusal(HttpServletRequest request) {
        return country(request).filter(blocked::contains).map(code -> "Sorry, Classentra accounts cannot be created from "
                + Locale.of("", code).getDisplayCountry(Locale.ENGLISH) + ". Data-residency rules or sanctions that apply there "
                + "are ones we cannot meet, so sign-up is not available in that country. If you think we got your location "
                + "wrong, please contact us.");
    }

    /**
     * The first trusted header holding a country code, else the GeoIP database's country for the remote address.
     * Cloudflare's XX (unknown) and T1 (Tor) are not countries and count as unknown.
     */
    public Optional<String> country(HttpServletRequest request) {
        for (String header : countryHeaders) {
            String value = request.getHeader(header);
            if (value != null) {
                String code = value.strip().toUpperCase(Locale.ROOT);
                if (ISO_COUNTRIES.contains(code)) {
                    return Optional.of(code);
                }
            }
        }
        return geoIp.country(request.getRemoteAddr()).filter(ISO_COUNTRIES::contains);
    }
}
