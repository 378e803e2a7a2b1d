package com.classentra.plugins.email.smtp;

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
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.pf4j.Extension;

/**
 * Email through any SMTP relay: a mail service's submission port, the institution's own mail server, or a
 * local MTA. Whoever runs the relay receives the mail, so the administrator names that operator and the
 * subprocessor page shows it.
 */
@Extension
public class SmtpRelayProvider implements EmailProviderFactory {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TRUST_CERTIFICATE = "trustServerCertificate";
    static final String OPERATOR = "operatorName";
    static final String OPERATOR_LOCATION = "operatorLocation";
    static final String OPERATOR_DPF = "operatorDpf";

    /** Below the host's call time limit, so a slow relay is reported as a timeout by the plugin itself. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final List<String> DATA_CATEGORIES = List.of("Email address", "name", "message content");
    private static final String PURPOSE = "Transactional email delivery";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.EMAIL,
            "smtp",
            "SMTP relay",
            "Hands each message to an SMTP server of your choice, encrypted with STARTTLS or implicit TLS.",
            ConfigSchema.of(
                    ConfigField.of(HOST, "SMTP server", FieldType.TEXT).asRequired().asEndpoint()
                            .withPattern("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*",
                                    "must be a host name such as smtp.example.com")
                            .withHelp("Host name of the relay, without port or scheme."),
                    ConfigField.of(PORT, "Port", FieldType.INTEGER).withDefault("587").withRange(1L, 65535L)
                            .withHelp("587 for STARTTLS, 465 for implicit TLS, 25 for a relay on your own network."),
                    ConfigField.choice(SECURITY, "Encryption", Security.names()).withDefault(Security.STARTTLS.option)
                            .withHelp("starttls: upgrade the connection and refuse relays that cannot; tls: encrypted from the "
                                    + "first byte; none: only for a relay on this machine or a trusted network."),
                    ConfigField.of(USERNAME, "User name", FieldType.TEXT).withRange(null, 320L)
                            .withHelp("Leave empty for a relay that accepts mail without signing in."),
                    ConfigField.of(PASSWORD, "Password", FieldType.TEXT).asSecret().withRange(null, 1000L),
                    ConfigField.of(TRUST_CERTIFICATE, "Accept any server certificate", FieldType.BOOLEAN).withDefault("false")
                            .withHelp("Only for a relay on your own network with a self-signed certificate: the connection "
                                    + "stays encrypted but the server's identity is not checked."),
                    ConfigField.of(OPERATOR, "Relay operator (legal name)", FieldType.TEXT).asRequired().withRange(2L, 200L)
                            .withHelp("The company or institution that runs this relay; shown on the subprocessor page."),
                    ConfigField.of(OPERATOR_LOCATION, "Where the relay processes mail", FieldType.TEXT).asRequired()
                            .withRange(2L, 200L).withHelp("Country or region, e.g. \"Germany\" or \"European Union\"."),
                    ConfigField.choice(OPERATOR_DPF, "EU-US Data Privacy Framework", dpfLabels())
                            .withDefault(DpfStatus.VERIFY.label())
                            .withHelp("Whether the operator is certified; \"n/a\" for an operator outside the United States.")),
            SubprocessorDisclosure.thirdParty("The operator of the configured SMTP relay", PURPOSE,
                    "Where that operator processes mail", DATA_CATEGORIES, DpfStatus.VERIFY));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        boolean user = config.get(USERNAME).isPresent();
        boolean password = config.get(PASSWORD).isPresent();
        if (user && !password) {
            return List.of(new FieldError(PASSWORD, "Password is required when a user name is set"));
        }
        if (password && !user) {
            return List.of(new FieldError(USERNAME, "User name is required when a password is set"));
        }
        return List.of();
    }

    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        if (config.get(OPERATOR).isEmpty() || config.get(OPERATOR_LOCATION).isEmpty()) {
            return DESCRIPTOR.disclosure();
        }
        DpfStatus dpf = Arrays.stream(DpfStatus.values())
                .filter(status -> status.label().equals(config.get(OPERATOR_DPF).orElse(DpfStatus.VERIFY.label())))
                .findFirst().orElse(DpfStatus.VERIFY);
        return SubprocessorDisclosure.thirdParty(config.require(OPERATOR), PURPOSE, config.require(OPERATOR_LOCATION),
                DATA_CATEGORIES, dpf);
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) {
        return new SmtpRelay(new SmtpRelay.Settings(
                config.require(HOST),
                Integer.parseInt(config.get(PORT).orElse("587")),
                Security.of(config.get(SECURITY).orElse(Security.STARTTLS.option)),
                config.get(USERNAME).orElse(null),
                config.get(PASSWORD).orElse(null),
                Boolean.parseBoolean(config.get(TRUST_CERTIFICATE).orElse("false")),
                TIMEOUT));
    }

    private static String[] dpfLabels() {
        return Arrays.stream(DpfStatus.values()).map(DpfStatus::label).toArray(String[]::new);
    }

    /** How the connection to the relay is encrypted. */
    enum Security {
        STARTTLS("starttls"), TLS("tls"), NONE("none");

        final String option;

        Security(String option) {
            this.option = option;
        }

        static String[] names() {
            return Arrays.stream(values()).map(s -> s.option).toArray(String[]::new);
        }

        static Security of(String option) {
            return Arrays.stream(values()).filter(s -> s.option.equals(option)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown encryption " + option));
        }
    }
}
