package com.classentra.plugins.email.postmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmarkProviderTest {

    private final PostmarkProvider provider = new PostmarkProvider();

    @Test
    void missingOrMalformedSettingsAreRefusedFieldByField() {
        var schema = provider.descriptor().configSchema();
        assertThat(schema.validate(Map.of()).errors()).containsExactly(new FieldError("serverToken", "Server API token is required"));
        assertThat(schema.validate(Map.of("serverToken", "not-a-token", "messageStream", "Outbound Mail", "baseUrl", "localhost:8080"))
                .errors()).containsExactlyInAnyOrder(
                new FieldError("serverToken", "Server API token must be a server token from the server's API Tokens tab (or POSTMARK_API_TEST)"),
                new FieldError("messageStream", "Message stream must be a message stream id such as outbound"),
                new FieldError("baseUrl", "API address must be an http or https URL with a host"));
        var valid = schema.validate(Map.of("serverToken", "0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(valid.valid()).isTrue();
        assertThat(valid.config().values()).containsEntry("messageStream", "outbound").containsEntry("baseUrl", "https://api.postmarkapp.com");
        assertThat(schema.field("serverToken").orElseThrow().secret()).isTrue();
    }

    @Test
    void disclosureNamesActiveCampaign() {
        assertThat(provider.descriptor().disclosure()).isEqualTo(SubprocessorDisclosure.thirdParty("ActiveCampaign, LLC (Postmark)",
                "Transactional email delivery", "United States", List.of("Email address", "name", "message content"), DpfStatus.VERIFY));
    }
}
