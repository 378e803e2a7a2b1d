package com.classentra.plugin.api.payments;

import java.time.Instant;

/**
 * A verified event from the provider.
 *
 * @param eventId   the provider's event id; the inbox is unique on (provider, eventId) so replays are no-ops
 * @param type      normalised type
 * @param reference the platform reference given at checkout, when the event concerns one
 */
public record PaymentEvent(
        String eventId, Type type, String reference, String paymentId, long amountMinor, String currency, Instant occurredAt) {

    public enum Type { CHECKOUT_COMPLETED, PAYMENT_FAILED, REFUNDED, DISPUTED, OTHER }
}
