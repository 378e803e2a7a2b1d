package com.classentra.accounts;

import java.util.Optional;

/**
 * Where an anonymous request comes from, as far as abuse protection needs it.
 *
 * @param clientAddress  the client's IP address (forwarded headers already applied), the key of per-IP limits
 * @param countryRefusal a message when sign-up is not permitted from the client's country
 * @param country        the client's country (ISO code) when it can be told, for the sign-up age
 */
public record RequestOrigin(String clientAddress, Optional<String> countryRefusal, Optional<String> country) {

    /** An origin with no country information, for internal callers and tests. */
    public static RequestOrigin address(String clientAddress) {
        return new RequestOrigin(clientAddress, Optional.empty(), Optional.empty());
    }
}
