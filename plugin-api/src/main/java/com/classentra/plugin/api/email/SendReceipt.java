package com.classentra.plugin.api.email;

/** Proof of hand-over: the provider's own message id, stored on the outbox row. */
public record SendReceipt(String providerMessageId) {
}
