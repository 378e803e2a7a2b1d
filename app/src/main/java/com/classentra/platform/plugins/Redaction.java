package com.classentra.platform.plugins;

import java.util.regex.Pattern;

/**
 * Removes credentials from provider messages before they reach logs, the console, health details or
 * outbox rows: passwords in URLs ({@code smtp://user:secret@host}) and key=value secrets in query strings.
 */
final class Redaction {

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    private static final Pattern SECRET_PARAMETERS = Pattern.compile("(?i)\\b(password|passwd|secret|token|api[_-]?key|key)=[^&\\s]+");

    private Redaction() {
    }

    static String redact(String message) {
        if (message == null) {
            return null;
        }
        String withoutUserInfo = URL_CREDENTIALS.matcher(message).replaceAll("***@");
        return SECRET_PARAMETERS.matcher(withoutUserInfo).replaceAll("$1=***");
    }
}
