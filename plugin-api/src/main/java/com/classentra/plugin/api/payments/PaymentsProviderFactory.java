package com.classentra.plugin.api.payments;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the payments slot: checkouts, refunds and payment events. */
public interface PaymentsProviderFactory extends ProviderFactory<PaymentGateway> {
}
