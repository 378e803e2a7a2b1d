package com.classentra.accounts;

import java.util.Optional;
import java.util.Set;

/**
 * Who may create an account by age (privacy policy, "Children": "Classentra is not directed at children under 13 (or
 * 16 in the EEA)"): nobody under 13, and nobody under 16 from a country of the European Economic Area. Where the
 * request's country cannot be told, 16 applies, since the person may be in the EEA. A refused attempt keeps nothing
 * but the rate-limit counts that every sign-up attempt uses.
 */
public final class SignUpAge {

    /** The EU's 27 members with Iceland, Liechtenstein and Norway. */
    static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private SignUpAge() {
    }

    /**
     * Why this person may not create an account, in words for them; empty when they may.
     *
     * @param country the request's country (ISO code), empty when it cannot be told
     */
    public static Optional<String> refusal(AgeGroup age, Optional<String> country) {
        if (age == AgeGroup.UNDER_13) {
            return Optional.of("Sorry, Classentra accounts are for people aged 13 or older, so we cannot create one for you.");
        }
        if (age == AgeGroup.FROM_13_TO_15 && country.map(EEA::contains).orElse(true)) {
            return Optional.of(country.isPresent()
                    ? "Sorry, in the European Economic Area Classentra accounts are for people aged 16 or older, so we cannot create one for you."
                    : "Sorry, we cannot tell which country you are in, and in the European Economic Area Classentra accounts are for people aged "
                            + "16 or older, so we cannot create one for you.");
        }
        return Optional.empty();
    }
}
