package com.classentra.platform.outbox;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An email to queue: who receives it, which template, and the values the template shows.
 *
 * @param tenantId        the tenant the email belongs to; null for platform email (verification, reset)
 * @param recipientUserId the recipient's account, when there is one (for data export and deletion)
 */
public record EmailRequest(UUID tenantId, UUID recipientUserId, String toAddress, String toName, String template,
        Locale locale, Map<String, String> variables) {

    public EmailRequest {
        Objects.requireNonNull(toAddress, "toAddress");
        Objects.requireNonNull(template, "template");
        locale = locale == null ? Locale.ENGLISH : locale;
        variables = Map.copyOf(variables);
    }
}
