package com.classentra.plugins.video.daily;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.pf4j.Extension;

/** Native rooms on Daily, shown with Daily Prebuilt inside the session page. */
@Extension
public class DailyProvider implements VideoProviderFactory {

    static final String API_KEY = "apiKey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String API_URL = "apiUrl";
    static final String RECORDING = "recording";

    /** Below the host's call time limit, so a slow API is reported as a timeout by the plugin itself. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final SubprocessorDisclosure DISCLOSURE = SubprocessorDisclosure.thirdParty("Daily.co",
            "Live video infrastructure for native classes", "United States (multi-region edge)",
            List.of("Media streams in transit", "session metadata"), DpfStatus.VERIFY);

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.VIDEO,
            "daily",
            "Daily",
            "Native class rooms on Daily, private to each session, joined with Daily Prebuilt inside the session page.",
            ConfigSchema.of(
                    ConfigField.of(API_KEY, "API key", FieldType.TEXT).asRequired().asSecret()
                            .withPattern("[A-Za-z0-9]{16,128}", "must be the API key from the Developers page of the Daily dashboard"),
                    ConfigField.of(WEBHOOK_SECRET, "Webhook secret", FieldType.TEXT).asRequired().asSecret()
                            .withPattern("[A-Za-z0-9+/]{16,}={0,2}", "must be the base64 hmac secret of the webhook")
                            .withHelp("The hmac of the webhook that sends events to this service (docs/operations.md shows how to create it)."),
                    ConfigField.of(API_URL, "API address", FieldType.URL).withDefault("https://api.daily.co/v1")
                            .withHelp("Change only to reach Daily through a proxy or a test server."),
                    ConfigField.of(RECORDING, "Allow recording", FieldType.BOOLEAN).withDefault("false")
                            .withHelp("Cloud recording, on Daily plans that include it.")),
            DISCLOSURE);

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        try {
            Base64.getDecoder().decode(config.require(WEBHOOK_SECRET));
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError(WEBHOOK_SECRET, "Webhook secret is not valid base64: copy the hmac exactly as Daily gave it"));
        }
    }

    @Override
    public VideoRooms create(ProviderConfig config, ProviderContext context) {
        return new DailyRooms(new DailyApi(URI.create(config.require(API_URL)), config.require(API_KEY), TIMEOUT),
                new DailyWebhooks(config.require(WEBHOOK_SECRET)), Boolean.parseBoolean(config.require(RECORDING)));
    }
}
