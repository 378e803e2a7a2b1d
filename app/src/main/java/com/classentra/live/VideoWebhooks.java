package com.classentra.live;

import com.classentra.platform.webhooks.WebhookHandler;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.VideoEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The video slot's webhooks: verified by the provider they name, with each settings version of it that may have signed
 * them (the current one first), and applied to participation and recordings ({@link Participation}).
 */
@Component
class VideoWebhooks implements WebhookHandler {

    private final VideoProviders providers;
    private final Participation participation;
    private final JsonMapper json;

    VideoWebhooks(VideoProviders providers, Participation participation, JsonMapper json) {
        this.providers = providers;
        this.participation = participation;
        this.json = json;
    }

    @Override
    public Slot slot() {
        return Slot.VIDEO;
    }

    @Override
    public VerifiedWebhook verify(String providerId, WebhookRequest request) throws ProviderException {
        List<Long> versions = providers.versionsOf(providerId);
        if (versions.isEmpty()) {
            throw new ProviderException(Kind.MISCONFIGURED, "No room here is served by the video provider " + providerId);
        }
        // Refused by a version that could check it, and verified by none: not genuine. Only when no version could check
        // it at all (a provider out, settings that no longer build) does the failure say why.
        ProviderException refused = null;
        ProviderException failed = null;
        for (long version : versions) {
            try {
                VideoEvent event = providers.call(version, rooms -> rooms.readWebhook(request));
                return event.kind() == VideoEvent.Kind.PING ? null
                        : new VerifiedWebhook(event.eventId(), event.kind().name(), json.valueToTree(event));
            } catch (ProviderException e) {
                if (e.kind() == Kind.PERMANENT) {
                    refused = refused == null ? e : refused;
                } else {
                    failed = failed == null ? e : failed;
                }
            }
        }
        throw refused != null ? refused : failed;
    }

    @Override
    public void apply(String providerId, JsonNode stored) throws ProviderException {
        participation.apply(json.treeToValue(stored, VideoEvent.class));
    }
}
