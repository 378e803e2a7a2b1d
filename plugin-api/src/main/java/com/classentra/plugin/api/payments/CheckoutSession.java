package com.classentra.plugin.api.payments;

import java.net.URI;

/** Where to send the buyer to pay. */
public record CheckoutSession(String id, URI url) {
}
