package com.classentra.plugin.api.payments;

import java.net.URI;

/**
 * @param reference           the platform's own id for the purchase, echoed back in events
 * @param amountMinor         price in the currency's minor unit (cents)
 * @param connectedAccountId  the teacher's payout account, or null for platform sales
 * @param applicationFeeMinor the platform's fee on a connected sale
 */
public record CheckoutRequest(
        String reference,
        long amountMinor,
        String currency,
        String description,
        String customerEmail,
        URI successUrl,
        URI cancelUrl,
        String connectedAccountId,
        long applicationFeeMinor) {
}
