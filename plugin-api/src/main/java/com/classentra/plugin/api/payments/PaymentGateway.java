package com.classentra.plugin.api.payments;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.WebhookRequest;

/** Takes payments for course sales and plans. */
public interface PaymentGateway extends ProviderInstance {

    CheckoutSession createCheckout(CheckoutRequest request) throws ProviderException;

    /**
     * Verifies the webhook's signature and reads the event. Throws PERMANENT when the signature does not
     * match, so forged events are never processed.
     */
    PaymentEvent readWebhook(WebhookRequest request) throws ProviderException;

    RefundResult refund(String paymentId, long amountMinor, String reason) throws ProviderException;
}
