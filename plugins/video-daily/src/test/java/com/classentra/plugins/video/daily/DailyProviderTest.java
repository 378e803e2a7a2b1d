package com.classentra.plugins.video.daily;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyProviderTest {

    private final DailyProvider provider = new DailyProvider();

    @Test
    void missingAndMalformedSettingsAreRefusedFieldByField() {
        var schema = provider.descriptor().configSchema();
        assertThat(schema.validate(Map.of()).errors()).containsExactlyInAnyOrder(
                new FieldError("apiKey", "API key is required"), new FieldError("webhookSecret", "Webhook secret is required"));
        assertThat(schema.validate(Map.of("apiKey", "short", "webhookSecret", "not base64!", "apiUrl", "ftp://api.daily.co")).errors())
                .containsExactlyInAnyOrder(
                        new FieldError("apiKey", "API key must be the API key from the Developers page of the Daily dashboard"),
                        new FieldError("webhookSecret", "Webhook secret must be the base64 hmac secret of the webhook"),
                        new FieldError("apiUrl", "API address must be an http or https URL with a host"));
        var valid = schema.validate(Map.of("apiKey", "5f2a9c0e7b1d4e6a8c3f0b2d9e7a1c4f", "webhookSecret", "c2VjcmV0LXdlYmhvb2staG1hYy0xMjM0NTY="));
        assertThat(valid.valid()).isTrue();
        assertThat(valid.config().values()).containsEntry("apiUrl", "https://api.daily.co/v1");
        assertThat(schema.field("apiKey").orElseThrow().secret()).isTrue();
        assertThat(schema.field("webhookSecret").orElseThrow().secret()).isTrue();
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedBeforeItCanBreakWebhooks() {
        assertThat(provider.validate(new ProviderConfig(Map.of("webhookSecret", "c2VjcmV0LXdlYmhvb2staG1hYy0xMjM0NTYxZ"))))
                .containsExactly(new FieldError("webhookSecret", "Webhook secret is not valid base64: copy the hmac exactly as Daily gave it"));
        assertThat(provider.validate(new ProviderConfig(Map.of("webhookSecret", "c2VjcmV0LXdlYmhvb2staG1hYy0xMjM0NTY=")))).isEmpty();
    }

    @Test
    void disclosureNamesDaily() {
        assertThat(provider.descriptor().disclosure()).isEqualTo(SubprocessorDisclosure.thirdParty("Daily.co",
                "Live video infrastructure for native classes", "United States (multi-region edge)",
                List.of("Media streams in transit", "session metadata"), DpfStatus.VERIFY));
    }
}
