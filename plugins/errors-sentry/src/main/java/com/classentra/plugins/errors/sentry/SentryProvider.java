package com.classentra.plugins.errors.sentry;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import com.classentra.plugin.api.errors.ErrorReporter;
import com.classentra.plugin.api.errors.ErrorReportingProviderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** Server errors to a Sentry project, at sentry.io or on a Sentry you run yourself. */
@Extension
public class SentryProvider implements ErrorReportingProviderFactory {

    static final String DSN = "dsn";
    static final String ENVIRONMENT = "environment";
    static final String TIMEOUT_MS = "timeoutMs";
    static final String OPERATOR_NAME = "operatorName";
    static final String OPERATOR_LOCATION = "operatorLocation";

    /** The row of the subprocessor list for Sentry, word for word. */
    static final SubprocessorDisclosure SENTRY_DISCLOSURE = SubprocessorDisclosure.thirdParty(
            "Functional Software, Inc. (Sentry)",
            "Error tracking and performance monitoring",
            "United States",
            List.of("Error stack traces", "scrubbed browser context (no PII)"),
            DpfStatus.YES);

    static final SubprocessorDisclosure SELF_HOSTED_DISCLOSURE = SubprocessorDisclosure.selfHosted(
            "Error reports without personal data, sent to a Sentry server that runs on infrastructure you operate");

    private static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.of(DSN, "DSN", FieldType.TEXT).asRequired().asSecret().asEndpoint()
                    .withPattern("https?://[^@/\\s]+@[^@/\\s]+(/[^/\\s]+)*/[0-9]+/?",
                            "must look like https://<public key>@<host>/<project id>")
                    .withHelp("From the Sentry project's Client Keys (DSN) page."),
            ConfigField.of(ENVIRONMENT, "Environment", FieldType.TEXT).withDefault("production")
                    .withRange(1L, 64L).withPattern("[A-Za-z0-9._-]+", "may hold letters, digits, dots, dashes and underscores only"),
            // Default below the host's 5 s health-check limit, so a slow Sentry is reported in this plugin's words.
            ConfigField.of(TIMEOUT_MS, "Timeout (ms)", FieldType.INTEGER).withDefault("4000").withRange(500L, 30000L),
            ConfigField.of(OPERATOR_NAME, "Company running this Sentry (legal name)", FieldType.TEXT).withRange(2L, 200L)
                    .withHelp("Only when the DSN is not sentry.io and another company hosts the Sentry server for you; "
                            + "leave empty for a Sentry you run yourself. Shown on the subprocessor page."),
            ConfigField.of(OPERATOR_LOCATION, "Where that company processes the reports", FieldType.TEXT).withRange(2L, 200L));

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.ERRORS,
            "sentry",
            "Sentry",
            "Sends server errors, scrubbed of personal data, to a Sentry project (sentry.io or self-hosted).",
            SCHEMA,
            SENTRY_DISCLOSURE);

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        try {
            SentryDsn.parse(config.require(DSN));
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError(DSN, "DSN " + e.getMessage()));
        }
        if (config.get(OPERATOR_NAME).isPresent() != config.get(OPERATOR_LOCATION).isPresent()) {
            String missing = config.get(OPERATOR_NAME).isPresent() ? OPERATOR_LOCATION : OPERATOR_NAME;
            return List.of(new FieldError(missing, "Give both the company and where it processes the reports, or neither"));
        }
        return List.of();
    }

    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        if (parsed(config).map(SentryDsn::hostedBySentry).orElse(true)) {
            return SENTRY_DISCLOSURE;
        }
        if (config.get(OPERATOR_NAME).isPresent() && config.get(OPERATOR_LOCATION).isPresent()) {
            return SubprocessorDisclosure.thirdParty(config.require(OPERATOR_NAME), SENTRY_DISCLOSURE.purpose(),
                    config.require(OPERATOR_LOCATION), SENTRY_DISCLOSURE.dataCategories(), DpfStatus.VERIFY);
        }
        return SELF_HOSTED_DISCLOSURE;
    }

    @Override
    public ErrorReporter create(ProviderConfig config, ProviderContext context) throws ProviderException {
        SentryDsn dsn;
        try {
            dsn = SentryDsn.parse(config.require(DSN));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.MISCONFIGURED, "The Sentry DSN " + e.getMessage());
        }
        return new SentryReporter(dsn, config.require(ENVIRONMENT), client(), Duration.ofMillis(config.integer(TIMEOUT_MS)),
                Clock.systemUTC());
    }

    /** sentry_client of the auth header: this plugin's name and version, from its jar's manifest. */
    static String client() {
        String version = SentryProvider.class.getPackage().getImplementationVersion();
        return "classentra/" + (version == null ? "dev" : version);
    }

    /** Settings whose DSN cannot be read name Sentry's service: the safe side of the subprocessor list. */
    private static Optional<SentryDsn> parsed(ProviderConfig config) {
        try {
            return config.get(DSN).map(SentryDsn::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
