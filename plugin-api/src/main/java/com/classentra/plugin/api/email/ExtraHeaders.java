package com.classentra.plugin.api.email;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one rule every email provider applies to {@link EmailMessage#headers()}: an extra header can neither
 * start another header line nor repeat one the provider writes itself (addresses, subject, MIME structure),
 * so no caller can add recipients or change the message's shape through it.
 */
public final class ExtraHeaders {

    /** RFC 5322 field names: printable ASCII without colon. */
    private static final Pattern NAME = Pattern.compile("[!-9;-~]{1,76}");
    private static final Set<String> WRITTEN_BY_PROVIDER = Set.of("from", "to", "cc", "bcc", "reply-to", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "sender", "return-path");

    private ExtraHeaders() {
    }

    /**
     * The message's extra headers, sorted by name, each value on one line.
     *
     * @throws IllegalArgumentException naming the first header that is malformed or reserved
     */
    public static Map<String, String> of(EmailMessage message) {
        Map<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            String name = header.getKey();
            if (!NAME.matcher(name).matches() || WRITTEN_BY_PROVIDER.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Header not allowed: " + name.replaceAll("[\\r\\n]+", " "));
            }
            checked.put(name, oneLine(header.getValue()));
        }
        return checked;
    }

    /** A header value that cannot start a new header line. */
    public static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
