package com.classentra.live;

import com.classentra.platform.security.FrameSources;
import com.classentra.plugin.api.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the room pages' embedded video clients come from: the current provider's, and those of providers that rooms
 * made before a switch still use. Asked on every page request, so worked out again only when the slot's provider
 * changes on this node, or every 30 seconds (rooms of a former provider end).
 */
@Component
class VideoFrameSources implements FrameSources {

    private static final Logger log = LoggerFactory.getLogger(VideoFrameSources.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final VideoProviders providers;
    private volatile Known known = new Known("", Instant.EPOCH, List.of());

    VideoFrameSources(VideoProviders providers) {
        this.providers = providers;
    }

    private record Known(String servingKey, Instant at, List<String> sources) {
    }

    @Override
    public List<String> frameSources() {
        Known current = known;
        String servingKey = providers.servingKey();
        if (current.servingKey().equals(servingKey) && current.at().plus(FRESH_FOR).isAfter(Instant.now())) {
            return current.sources();
        }
        Set<String> sources = new LinkedHashSet<>();
        try {
            sources.addAll(providers.callCurrent(rooms -> rooms.features().frameSources()));
        } catch (ProviderException | RuntimeException e) {
            // Pages keep the sources known before; a provider that cannot be asked now is asked again soon.
            log.warn("Could not tell where the video provider's web client is served from: {}", e.getMessage());
            known = new Known(current.servingKey(), Instant.now(), current.sources());
            return current.sources();
        }
        for (long version : providers.versionsInUse()) {
            try {
                sources.addAll(providers.call(version, rooms -> rooms.features().frameSources()));
            } catch (ProviderException | RuntimeException e) {
                // Its rooms cannot be joined either (the same settings make their grants): nothing to embed from it.
                log.warn("Could not tell where the web client of video settings version {} is served from: {}", version, e.getMessage());
            }
        }
        List<String> found = List.copyOf(sources);
        known = new Known(servingKey, Instant.now(), found);
        return found;
    }
}
