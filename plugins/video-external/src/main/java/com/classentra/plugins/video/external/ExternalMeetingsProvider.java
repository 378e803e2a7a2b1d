package com.classentra.plugins.video.external;

import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.video.VideoProviderFactory;
import com.classentra.plugin.api.video.VideoRooms;
import org.pf4j.Extension;

/**
 * The video slot's default: no rooms of our own and no third party from us. Sessions link to the Zoom, Google Meet or
 * Microsoft Teams meeting their teacher schedules there; the teacher, not this service, chose that company.
 */
@Extension
public class ExternalMeetingsProvider implements VideoProviderFactory {

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.VIDEO,
            "external",
            "Meeting links only",
            "Sessions link to the Zoom, Google Meet or Microsoft Teams meeting their teacher adds; there are no native rooms.",
            ConfigSchema.of(),
            SubprocessorDisclosure.onThisServer("Links to the meetings teachers schedule on a video service of their choosing"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public VideoRooms create(ProviderConfig config, ProviderContext context) {
        return new LinksOnlyRooms();
    }
}
