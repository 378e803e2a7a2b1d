package com.classentra.plugin.api.email;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An address with an optional display name. The address is a single plain mailbox (no list, no comments,
 * no line breaks), so no provider can be made to add recipients or headers through it.
 */
public record EmailAddress(String address, String displayName) {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s,;:<>()\\[\\]\"\\\\]+@[^@\\s,;:<>()\\[\\]\"\\\\]+");

    public EmailAddress {
        Objects.requireNonNull(address, "address");
        if (!MAILBOX.matcher(address).matches()) {
            throw new IllegalArgumentException("Not a single email address: " + address);
        }
        if (displayName != null) {
            displayName = displayName.replaceAll("[\\r\\n]+", " ").strip();
        }
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }
}
