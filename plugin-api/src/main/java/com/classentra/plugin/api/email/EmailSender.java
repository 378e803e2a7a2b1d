package com.classentra.plugin.api.email;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;

/** Delivers one message at a time; the platform's outbox handles queueing and retries. */
public interface EmailSender extends ProviderInstance {

    /**
     * Hands the message to the provider. Throws {@link ProviderException} with kind RETRYABLE for
     * temporary failures and PERMANENT for messages that can never be delivered.
     */
    SendReceipt send(EmailMessage message) throws ProviderException;
}
