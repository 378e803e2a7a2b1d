package com.classentra.plugins.email.resend;

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

/** Email through Resend's HTTP API (resend.com). */
@Extension
public class ResendProvider implements EmailProviderFactory {

    static final String API_KEY = "apiKey";
    static final String BASE_URL = "baseUrl";

    /** Below the host's call time limit, so a slow API is reported as a timeout by the plugin itself. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.EMAIL,
            "resend",
            "Resend",
            "Sends each message through Resend's email API; a retried message is never sent twice within 24 hours.",
            ConfigSchema.of(
                    ConfigField.of(API_KEY, "API key", FieldType.TEXT).asRequired().asSecret().withRange(8L, 200L)
                            .withPattern("re_\\S+", "must be a Resend API key, which starts with re_")
                            .withHelp("A key with sending access is enough; a full-access key also lets the health check list your domains."),
                    ConfigField.of(BASE_URL, "API address", FieldType.URL).withDefault("https://api.resend.com")
                            .withHelp("Change only to reach Resend through a proxy or a test server.")),
            SubprocessorDisclosure.thirdParty("Resend, Inc.", "Transactional + marketing email delivery", "United States",
                    List.of("Email address", "name", "message content"), SubprocessorDisclosure.DpfStatus.VERIFY));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) {
        return new ResendSender(URI.create(config.require(BASE_URL)), config.require(API_KEY), TIMEOUT);
    }
}
