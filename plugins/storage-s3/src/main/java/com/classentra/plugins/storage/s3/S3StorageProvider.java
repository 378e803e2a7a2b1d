package com.classentra.plugins.storage.s3;

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
import com.classentra.plugin.api.storage.ObjectStorage;
import com.classentra.plugin.api.storage.StorageProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Object storage in an S3-compatible bucket: Cloudflare R2, Amazon S3, or any server that speaks the S3 API. */
@Extension
public class S3StorageProvider implements StorageProviderFactory {

    static final String SERVICE = "service";
    static final String ENDPOINT = "endpoint";
    static final String REGION = "region";
    static final String BUCKET = "bucket";
    static final String ACCESS_KEY_ID = "accessKeyId";
    static final String SECRET_ACCESS_KEY = "secretAccessKey";
    static final String KEY_PREFIX = "keyPrefix";
    static final String PATH_STYLE = "pathStyle";
    static final String PRESIGNED_MINUTES = "presignedMinutes";
    static final String PART_SIZE_MB = "multipartPartMb";
    static final String OPERATOR_NAME = "operatorName";
    static final String OPERATOR_LOCATION = "operatorLocation";

    static final String R2 = "cloudflare-r2";
    static final String AWS_S3 = "aws-s3";
    static final String OTHER = "other-s3-compatible";

    private static final String PURPOSE = "Object storage for recordings, materials, exports, certificates";
    private static final List<String> DATA_CATEGORIES = List.of("User-uploaded files", "AI-generated artifacts");
    /** R2's S3 endpoint of one account, optionally in a jurisdiction (eu, fedramp). */
    private static final Pattern R2_ENDPOINT = Pattern.compile("https://[0-9a-f]{32}(\\.(eu|fedramp))?\\.r2\\.cloudflarestorage\\.com/?");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.STORAGE,
            "s3",
            "S3-compatible storage",
            "Keeps uploaded files, exports and recordings in a bucket on Cloudflare R2, Amazon S3 or another S3-compatible service.",
            ConfigSchema.of(
                    ConfigField.choice(SERVICE, "Service", R2, AWS_S3, OTHER).asRequired().asLocation(),
                    ConfigField.of(ENDPOINT, "Endpoint URL", FieldType.URL).asLocation()
                            .withHelp("Required for R2 (https://<account id>.r2.cloudflarestorage.com) and other services; "
                                    + "leave empty for Amazon S3."),
                    ConfigField.of(REGION, "Region", FieldType.TEXT).asLocation()
                            .withPattern("auto|[a-z]{2}(-[a-z]+)+-[0-9]{1,2}", "must be auto or a region id such as eu-west-1")
                            .withHelp("auto for R2 (used when empty); the bucket's region for Amazon S3."),
                    ConfigField.of(BUCKET, "Bucket", FieldType.TEXT).asRequired().asLocation()
                            .withPattern("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                                    "must be 3 to 63 lower-case letters, digits, dots or dashes, starting and ending with a letter or digit"),
                    ConfigField.of(ACCESS_KEY_ID, "Access key id", FieldType.TEXT).asRequired().withRange(1L, 128L),
                    ConfigField.of(SECRET_ACCESS_KEY, "Secret access key", FieldType.TEXT).asRequired().asSecret(),
                    ConfigField.of(KEY_PREFIX, "Key prefix", FieldType.TEXT).asLocation()
                            .withPattern("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*/?",
                                    "must be path segments of letters, digits, dots, dashes and underscores")
                            .withHelp("Optional folder inside the bucket, e.g. classentra/, so the bucket can hold other data too."),
                    ConfigField.of(PATH_STYLE, "Path-style URLs", FieldType.BOOLEAN).withDefault("false")
                            .withHelp("Address the bucket as endpoint/bucket instead of bucket.endpoint; most self-hosted servers need this."),
                    ConfigField.of(PRESIGNED_MINUTES, "Download link validity (minutes)", FieldType.INTEGER)
                            .withDefault("5").withRange(1L, 60L)
                            .withHelp("Direct download links never last longer than this."),
                    ConfigField.of(PART_SIZE_MB, "Multipart part size (MB)", FieldType.INTEGER)
                            .withDefault("8").withRange(5L, 512L)
                            .withHelp("Files larger than one part are uploaded in parts of this size."),
                    ConfigField.of(OPERATOR_NAME, "Operator legal name", FieldType.TEXT).withRange(2L, 200L)
                            .withHelp("Other S3-compatible services only: the company that runs the service, for the subprocessor page."),
                    ConfigField.of(OPERATOR_LOCATION, "Operator location", FieldType.TEXT).withRange(2L, 200L)
                            .withHelp("Other S3-compatible services only: where the data is stored, for the subprocessor page.")),
            // Cloudflare R2 is the seeded subprocessor; disclosure(config) names the operator the settings choose.
            SubprocessorDisclosure.thirdParty("Cloudflare, Inc. (R2)", PURPOSE,
                    "United States bucket; EU bucket added at T2 trigger", DATA_CATEGORIES, DpfStatus.YES));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        List<FieldError> errors = new ArrayList<>();
        String service = config.require(SERVICE);
        String endpoint = config.get(ENDPOINT).orElse(null);
        String region = config.get(REGION).orElse(null);
        switch (service) {
            case R2 -> {
                if (endpoint == null || !R2_ENDPOINT.matcher(endpoint).matches()) {
                    errors.add(new FieldError(ENDPOINT, "For Cloudflare R2 the endpoint is https://<account id>.r2.cloudflarestorage.com"));
                }
                if (region != null && !region.equals("auto")) {
                    errors.add(new FieldError(REGION, "Cloudflare R2 uses the region auto"));
                }
            }
            case AWS_S3 -> {
                if (region == null || region.equals("auto") || !Region.regions().contains(Region.of(region))) {
                    errors.add(new FieldError(REGION, "Amazon S3 needs the AWS region of the bucket, such as eu-west-1"));
                }
            }
            default -> {
                if (endpoint == null) {
                    errors.add(new FieldError(ENDPOINT, "Endpoint URL is required for an S3-compatible service"));
                }
                if (config.get(OPERATOR_NAME).isEmpty()) {
                    errors.add(new FieldError(OPERATOR_NAME, "Operator legal name is required for an S3-compatible service"));
                }
                if (config.get(OPERATOR_LOCATION).isEmpty()) {
                    errors.add(new FieldError(OPERATOR_LOCATION, "Operator location is required for an S3-compatible service"));
                }
            }
        }
        String bucket = config.require(BUCKET);
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.") || IP_ADDRESS.matcher(bucket).matches()
                || bucket.startsWith("xn--") || bucket.startsWith("sthree-") || bucket.endsWith("-s3alias") || bucket.endsWith("--ol-s3")) {
            errors.add(new FieldError(BUCKET, "Bucket is not a valid S3 bucket name"));
        }
        if (config.get(KEY_PREFIX).filter(prefix -> ("/" + prefix + "/").matches(".*/\\.{1,2}/.*")).isPresent()) {
            errors.add(new FieldError(KEY_PREFIX, "Key prefix may not contain . or .. segments"));
        }
        return errors;
    }

    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        return switch (config.require(SERVICE)) {
            case R2 -> DESCRIPTOR.disclosure();
            case AWS_S3 -> SubprocessorDisclosure.thirdParty("Amazon Web Services, Inc.", PURPOSE,
                    "AWS region " + config.require(REGION), DATA_CATEGORIES, DpfStatus.YES);
            default -> SubprocessorDisclosure.thirdParty(config.require(OPERATOR_NAME), PURPOSE,
                    config.require(OPERATOR_LOCATION), DATA_CATEGORIES, DpfStatus.VERIFY);
        };
    }

    @Override
    public ObjectStorage create(ProviderConfig config, ProviderContext context) throws ProviderException {
        String service = config.require(SERVICE);
        // Amazon S3 always has its region set (validate); R2 signs with "auto"; other servers mostly ignore it.
        Region region = Region.of(config.get(REGION).orElse(R2.equals(service) ? "auto" : "us-east-1"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.require(ACCESS_KEY_ID), config.require(SECRET_ACCESS_KEY)));
        boolean pathStyle = Boolean.parseBoolean(config.get(PATH_STYLE).orElse("false"));
        URI endpoint = config.get(ENDPOINT).map(URI::create).orElse(null);
        S3Client client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .endpointOverride(endpoint)
                // Explicit client: inside a PF4J plugin the SDK's ServiceLoader lookup may not see the plugin's jars.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .forcePathStyle(pathStyle)
                // This provider sends its own SHA-256 checksums; the SDK's default CRC trailers (aws-chunked bodies)
                // are not understood by every S3-compatible server.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        // Given everything explicitly: left to itself the presigner looks for a region and credentials in the
        // environment, up to the EC2 metadata service.
        S3Presigner presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
        return new S3ObjectStorage(client, presigner, config.require(BUCKET), new S3Keys(config.get(KEY_PREFIX).orElse("")),
                config.integer(PART_SIZE_MB) * 1024 * 1024, Duration.ofMinutes(config.integer(PRESIGNED_MINUTES)),
                context.workDirectory().resolve("incoming"));
    }
}
