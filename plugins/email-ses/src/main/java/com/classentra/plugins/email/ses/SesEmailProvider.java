package com.classentra.plugins.email.ses;

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
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/** Transactional email through Amazon SES, API v2. */
@Extension
public class SesEmailProvider implements EmailProviderFactory {

    static final String REGION = "region";
    static final String ACCESS_KEY_ID = "accessKeyId";
    static final String SECRET_ACCESS_KEY = "secretAccessKey";
    static final String ENDPOINT = "endpoint";
    static final String CONFIGURATION_SET = "configurationSet";

    /** AWS region ids: a partition prefix, optional qualifiers, a direction and a number (eu-west-1, us-gov-east-1). */
    static final String REGION_PATTERN = "[a-z]{2}(-[a-z]+)+-[0-9]{1,2}";

    private static final String PURPOSE = "Transactional email delivery (Amazon SES)";
    private static final List<String> DATA_CATEGORIES = List.of("Email address", "name", "message content");

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.EMAIL,
            "ses",
            "Amazon SES",
            "Delivers email through Amazon Simple Email Service in the AWS region you choose.",
            ConfigSchema.of(
                    ConfigField.of(REGION, "Region", FieldType.TEXT).asRequired()
                            .withPattern(REGION_PATTERN, "must be an AWS region id such as eu-west-1")
                            .withHelp("The AWS region where your SES identities are verified."),
                    ConfigField.of(ACCESS_KEY_ID, "Access key id", FieldType.TEXT).asRequired()
                            .withPattern("[A-Z0-9]{16,128}", "must be an AWS access key id (capital letters and digits)"),
                    ConfigField.of(SECRET_ACCESS_KEY, "Secret access key", FieldType.TEXT).asRequired().asSecret(),
                    ConfigField.of(ENDPOINT, "Endpoint override", FieldType.URL)
                            .withHelp("Leave empty for the public SES endpoint of the region; set it for a VPC endpoint."),
                    ConfigField.of(CONFIGURATION_SET, "Configuration set", FieldType.TEXT)
                            .withPattern("[A-Za-z0-9_-]{1,64}", "may only hold letters, digits, dashes and underscores")
                            .withHelp("Optional SES configuration set for event publishing and dedicated IPs.")),
            // The descriptor cannot know the region; disclosure(config) names the configured one.
            SubprocessorDisclosure.thirdParty("Amazon Web Services, Inc.", PURPOSE, "AWS region chosen in the settings",
                    DATA_CATEGORIES, DpfStatus.YES));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        String region = config.require(REGION);
        if (!Region.regions().contains(Region.of(region))) {
            return List.of(new FieldError(REGION, "Region " + region + " is not an AWS region"));
        }
        return List.of();
    }

    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        return SubprocessorDisclosure.thirdParty("Amazon Web Services, Inc.", PURPOSE,
                "AWS region " + config.require(REGION), DATA_CATEGORIES, DpfStatus.YES);
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) throws ProviderException {
        String region = config.require(REGION);
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.require(ACCESS_KEY_ID), config.require(SECRET_ACCESS_KEY))))
                // Explicit client: inside a PF4J plugin the SDK's ServiceLoader lookup may not see the plugin's jars.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20))
                        .build())
                // The platform's outbox retries failed sends itself; SDK retries would only hold the call longer.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(25)));
        config.get(ENDPOINT).map(URI::create).ifPresent(builder::endpointOverride);
        return new SesEmailSender(builder.build(), region, config.get(CONFIGURATION_SET).orElse(null));
    }
}
