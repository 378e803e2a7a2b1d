package com.classentra.platform.webhooks;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.WebhookRequest;
import tools.jackson.databind.JsonNode;

/**
 * What the feature behind a slot does with its providers' webhooks: has the provider that signed one verify and read
 * it, and applies an event the inbox stored. The inbox stores each event once and may apply it more than once (a
 * retry after a failure, a node that died midway), so applying must change state once whatever the repeats.
 */
public interface WebhookHandler {

    Slot slot();

    /**
     * Verifies the webhook with the provider {@code providerId} of this slot and reads it. Throws PERMANENT when it is
     * not genuine (it is then stored nowhere), MISCONFIGURED when that provider serves nothing here, RETRYABLE when
     * the provider cannot be asked now. Answers null for a request that carries nothing to keep (a provider's ping).
     */
    VerifiedWebhook verify(String providerId, WebhookRequest request) throws ProviderException;

    /** Applies a stored event; PERMANENT when it can never apply (it is then kept DEAD for the administrator). */
    void apply(String providerId, JsonNode event) throws ProviderException;

    /**
     * @param eventId the provider's id of the event, the same on every delivery
     * @param type    what it is, for the administrator's list
     * @param event   what the provider read from it, kept for {@link #apply}
     */
    record VerifiedWebhook(String eventId, String type, JsonNode event) {
    }
}
