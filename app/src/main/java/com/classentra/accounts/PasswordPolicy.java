package com.classentra.accounts;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: length matters, composition rules do not. At least 12 characters; at most 128 so
 * hashing stays bounded.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few unrelated words work well");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
