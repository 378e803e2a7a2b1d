package com.classentra.plugins.video.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveKitProviderTest {

    private final LiveKitProvider provider = new LiveKitProvider();

    @Test
    void missingAndMalformedSettingsAreRefusedFieldByField() {
        var schema = provider.descriptor().configSchema();
        assertThat(schema.validate(Map.of()).errors()).containsExactlyInAnyOrder(
                new FieldError("serverUrl", "Server address is required"),
                new FieldError("apiKey", "API key is required"),
                new FieldError("apiSecret", "API secret is required"));
        assertThat(schema.validate(Map.of("serverUrl", "wss://x.livekit.cloud", "apiKey", "key with spaces", "apiSecret", "s",
                "recordingPath", "/etc/passwd;rm")).errors()).containsExactlyInAnyOrder(
                new FieldError("serverUrl", "Server address must be an http or https URL with a host"),
                new FieldError("apiKey", "API key must be the key shown with the secret, letters and digits"),
                new FieldError("recordingPath", "Recording file path must be a relative path of letters, digits, {room_name} and {time}"));
        var valid = schema.validate(Map.of("serverUrl", "https://x.livekit.cloud", "apiKey", "APIq7Xk2Lm", "apiSecret", "s"));
        assertThat(valid.valid()).isTrue();
        assertThat(valid.config().values()).containsEntry("clientUrl", "https://meet.livekit.io/custom").containsEntry("recording", "false");
        assertThat(schema.field("apiSecret").orElseThrow().secret()).isTrue();
        assertThat(schema.field("clientUrl").orElseThrow().endpoint()).as("the join token travels to the web client").isTrue();
    }

    @Test
    void livekitCloudIsLiveKitIncAndAnyOtherServerIsTheOperatorsOwn() {
        assertThat(provider.disclosure(new ProviderConfig(Map.of("serverUrl", "https://classentra-x1.livekit.cloud"))))
                .isEqualTo(LiveKitProvider.LIVEKIT_CLOUD);
        assertThat(LiveKitProvider.LIVEKIT_CLOUD.legalEntity()).isEqualTo("LiveKit Inc.");
        assertThat(provider.disclosure(new ProviderConfig(Map.of("serverUrl", "https://video.school.example"))))
                .isEqualTo(LiveKitProvider.SELF_HOSTED);
        assertThat(LiveKitProvider.SELF_HOSTED.sharesPersonalData()).isFalse();
    }
}
