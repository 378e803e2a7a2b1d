package com.classentra.plugin.api.email;

import java.util.Objects;

/** An address with an optional display name. */
public record EmailAddress(String address, String displayName) {

    public EmailAddress {
        Objects.requireNonNull(address, "address");
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }
}
