package com.classentra.plugins.email.postmark;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/** Email through Postmark's HTTP API (postmarkapp.com). */
@Extension
public class PostmarkProvider implements EmailProviderFactory {

    static final String SERVER_TOKEN = "serverToken";
    static final String MESSAGE_STREAM = "messageStream";
    static final String BASE_URL = "baseUrl";

    /** Below the host's call time limit, so a slow API is reported as a timeout by the plugin itself. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.EMAIL,
            "postmark",
            "Postmark",
            "Sends each message through Postmark's email API, on the message stream you choose.",
            ConfigSchema.of(
                    ConfigField.of(SERVER_TOKEN, "Server API token", FieldType.TEXT).asRequired().asSecret()
                            .withPattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|POSTMARK_API_TEST",
                                    "must be a server token from the server's API Tokens tab (or POSTMARK_API_TEST)")
                            .withHelp("A server token, not the account token."),
                    ConfigField.of(MESSAGE_STREAM, "Message stream", FieldType.TEXT).withDefault("outbound")
                            .withPattern("[a-z0-9][a-z0-9_-]{0,29}", "must be a message stream id such as outbound")
                            .withHelp("The transactional stream's id; \"outbound\" is the default stream of every server."),
                    ConfigField.of(BASE_URL, "API address", FieldType.URL).withDefault("https://api.postmarkapp.com")
                            .withHelp("Change only to reach Postmark through a proxy or a test server.")),
            SubprocessorDisclosure.thirdParty("ActiveCampaign, LLC (Postmark)", "Transactional email delivery", "United States",
                    List.of("Email address", "name", "message content"), SubprocessorDisclosure.DpfStatus.VERIFY));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) {
        return new PostmarkSender(URI.create(config.require(BASE_URL)), config.require(SERVER_TOKEN),
                config.require(MESSAGE_STREAM), TIMEOUT);
    }
}
