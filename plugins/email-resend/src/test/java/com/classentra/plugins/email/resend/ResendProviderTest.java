package com.classentra.plugins.email.resend;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResendProviderTest {

    private final ResendProvider provider = new ResendProvider();

    @Test
    void missingOrMalformedSettingsAreRefusedFieldByField() {
        var schema = provider.descriptor().configSchema();
        assertThat(schema.validate(Map.of()).errors()).containsExactly(new FieldError("apiKey", "API key is required"));
        assertThat(schema.validate(Map.of("apiKey", "sk_live_0123456789", "baseUrl", "api.resend.com")).errors()).containsExactlyInAnyOrder(
                new FieldError("apiKey", "API key must be a Resend API key, which starts with re_"),
                new FieldError("baseUrl", "API address must be an http or https URL with a host"));
        var valid = schema.validate(Map.of("apiKey", "re_0123456789"));
        assertThat(valid.valid()).isTrue();
        assertThat(valid.config().values()).containsEntry("baseUrl", "https://api.resend.com");
        assertThat(schema.field("apiKey").orElseThrow().secret()).isTrue();
    }

    @Test
    void disclosureIsResendsRowOfTheSubprocessorList() {
        assertThat(provider.descriptor().disclosure()).isEqualTo(SubprocessorDisclosure.thirdParty("Resend, Inc.",
                "Transactional + marketing email delivery", "United States", List.of("Email address", "name", "message content"),
                DpfStatus.VERIFY));
    }
}
