package com.classentra.plugin.api.email;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message ready to send.
 *
 * @param idempotencyKey stable per outbox row, so a provider that supports it never sends the same row twice
 * @param htmlBody       optional HTML alternative to the text body
 * @param headers        extra headers (e.g. List-Unsubscribe)
 */
public record EmailMessage(
        String idempotencyKey,
        EmailAddress from,
        List<EmailAddress> to,
        EmailAddress replyTo,
        String subject,
        String textBody,
        String htmlBody,
        Map<String, String> headers) {

    public EmailMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        headers = Map.copyOf(headers);
    }
}
