package com.classentra.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: length matters, composition rules do not. At least 12 characters (at most 128 so
 * hashing stays bounded), not on the list of common passwords, not one repeated character, and not the
 * person's own email or name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream in = new ClassPathResource("accounts/common-passwords.txt").getInputStream()) {
            common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> problem(String password) {
        return problem(password, List.of());
    }

    /** @param personal the person's email, names and the like, which must not be (or contain all of) the password */
    Optional<String> problem(String password, Collection<String> personal) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few unrelated words work well");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("This password is too common; choose something less predictable");
        }
        for (String value : personal) {
            String known = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (known.length() >= 4 && (lower.contains(known) || lower.equals(known.split("@")[0]))) {
                return Optional.of("Don't use your name or email address in your password");
            }
        }
        return Optional.empty();
    }
}
