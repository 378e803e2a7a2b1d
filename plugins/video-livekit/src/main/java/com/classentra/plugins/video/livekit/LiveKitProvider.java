package com.classentra.plugins.video.livekit;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import com.classentra.plugin.api.video.VideoProviderFactory;
import com.classentra.plugin.api.video.VideoRooms;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/** Native rooms on LiveKit: LiveKit Cloud, or a LiveKit server the operator runs. */
@Extension
public class LiveKitProvider implements VideoProviderFactory {

    static final String SERVER_URL = "serverUrl";
    static final String API_KEY = "apiKey";
    static final String API_SECRET = "apiSecret";
    static final String CLIENT_URL = "clientUrl";
    static final String RECORDING = "recording";
    static final String RECORDING_PATH = "recordingPath";

    /** Below the host's call time limit, so a slow server is reported as a timeout by the plugin itself. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final SubprocessorDisclosure LIVEKIT_CLOUD = SubprocessorDisclosure.thirdParty("LiveKit Inc.",
            "Alternative live video provider", "United States (us-east)",
            List.of("Media streams in transit", "session metadata"), DpfStatus.VERIFY);
    static final SubprocessorDisclosure SELF_HOSTED = SubprocessorDisclosure.selfHosted("Live video for native classes on a LiveKit server you run");

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.VIDEO,
            "livekit",
            "LiveKit",
            "Native class rooms on LiveKit Cloud or your own LiveKit server, joined from the session's page.",
            ConfigSchema.of(
                    ConfigField.of(SERVER_URL, "Server address", FieldType.URL).asRequired()
                            .withHelp("The https address of your LiveKit project or server: for wss://example.livekit.cloud enter https://example.livekit.cloud."),
                    ConfigField.of(API_KEY, "API key", FieldType.TEXT).asRequired()
                            .withPattern("[A-Za-z0-9_-]{3,128}", "must be the key shown with the secret, letters and digits"),
                    ConfigField.of(API_SECRET, "API secret", FieldType.TEXT).asRequired().asSecret().withRange(1L, 512L),
                    ConfigField.of(CLIENT_URL, "Web client address", FieldType.URL).withDefault("https://meet.livekit.io/custom")
                            .withHelp("A LiveKit web client that joins from ?liveKitUrl=…&token=…, shown inside the session page. "
                                    + "LiveKit Meet's /custom page does; host your own copy of it to keep everything on your domain."),
                    ConfigField.of(RECORDING, "Allow recording", FieldType.BOOLEAN).withDefault("false")
                            .withHelp("Needs LiveKit Egress: part of LiveKit Cloud, a service of its own when you run LiveKit yourself."),
                    ConfigField.of(RECORDING_PATH, "Recording file path", FieldType.TEXT).withDefault("classentra/{room_name}-{time}.mp4")
                            .withPattern("[A-Za-z0-9_{}./-]{1,200}", "must be a relative path of letters, digits, {room_name} and {time}")
                            .withHelp("Where Egress writes each recording in the storage it is configured with.")),
            LIVEKIT_CLOUD);

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** LiveKit Cloud (a *.livekit.cloud address) is LiveKit Inc.; any other address is a server the operator runs. */
    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        String host = config.get(SERVER_URL).map(URI::create).map(URI::getHost).orElse("").toLowerCase(Locale.ROOT);
        return host.endsWith(".livekit.cloud") ? LIVEKIT_CLOUD : SELF_HOSTED;
    }

    @Override
    public VideoRooms create(ProviderConfig config, ProviderContext context) {
        return new LiveKitRooms(new LiveKitApi(URI.create(config.require(SERVER_URL)), config.require(API_KEY), config.require(API_SECRET), TIMEOUT),
                URI.create(config.require(CLIENT_URL)), Boolean.parseBoolean(config.require(RECORDING)), config.require(RECORDING_PATH),
                Clock.systemUTC());
    }
}
