package com.classentra.platform.text;

import java.util.regex.Pattern;

/**
 * The one check of what people type as an email address: a single plain mailbox with a dotted domain, no
 * lists, comments or line breaks. Whether it exists is for the verification email to prove.
 */
public final class EmailAddresses {

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s,;:<>()\\[\\]\"\\\\]+@[^@\\s,;:<>()\\[\\]\"\\\\]+\\.[^@\\s,;:<>()\\[\\]\"\\\\]+");

    private EmailAddresses() {
    }

    public static boolean plausible(String address) {
        return address != null && address.length() <= 254 && PLAUSIBLE.matcher(address).matches();
    }
}
