package com.classentra.plugin.api.email;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An address with an optional display name. The address is a single plain mailbox (no list, no comments,
 * no line breaks), so no provider can be made to add recipients or headers through it.
 */
public record EmailAddress(String address, String displayName) {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s,;:<>()\\[\\]\"\\\\]+@[^@\\s,;:<>()\\[\\]\"\\\\]+");
    /** A display name that may stand unquoted before the address: no RFC 5322 special character in it. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[^()<>\\[\\]:;@\\\\,.\"]+");

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

    /**
     * {@code Name <address>}, or the bare address without a name, as email APIs take it. A name with a
     * comma, quote or other special character is quoted, so it can never read as a second address; other
     * characters, non-ASCII included, stay as they are for the API to encode.
     */
    public String mailbox() {
        if (displayName == null || displayName.isBlank()) {
            return address;
        }
        String phrase = PLAIN_NAME.matcher(displayName).matches()
                ? displayName : "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return phrase + " <" + address + ">";
    }
}
