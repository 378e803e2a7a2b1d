package com.classentra.plugins.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3StorageProviderTest {

    private static final String R2_ENDPOINT = "https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com";

    private final S3StorageProvider provider = new S3StorageProvider();

    private static Map<String, String> r2() {
        Map<String, String> values = new HashMap<>();
        values.put("service", "cloudflare-r2");
        values.put("endpoint", R2_ENDPOINT);
        values.put("bucket", "classentra-files");
        values.put("accessKeyId", "0123456789abcdef0123456789abcdef");
        values.put("secretAccessKey", "r2-secret");
        return values;
    }

    /** Schema errors first, then the provider's own checks, as the platform runs them. */
    private List<FieldError> errors(Map<String, String> values) {
        var validation = provider.descriptor().configSchema().validate(values);
        return validation.valid() ? provider.validate(validation.config()) : validation.errors();
    }

    private SubprocessorDisclosure disclosure(Map<String, String> values) {
        return provider.disclosure(provider.descriptor().configSchema().validate(values).config());
    }

    @Test
    void r2SettingsAreCompleteWithTheDefaults() {
        var config = provider.descriptor().configSchema().validate(r2()).config();

        assertThat(provider.validate(config)).isEmpty();
        assertThat(config.values()).containsEntry("pathStyle", "false").containsEntry("presignedMinutes", "5")
                .containsEntry("multipartPartMb", "8");
        assertThat(provider.descriptor().configSchema().field("secretAccessKey").orElseThrow().secret()).isTrue();
    }

    @Test
    void eachServiceChecksWhatItNeeds() {
        Map<String, String> values = r2();
        values.put("endpoint", "https://example.com");
        values.put("region", "eu-west-1");
        assertThat(errors(values)).containsExactly(
                new FieldError("endpoint", "For Cloudflare R2 the endpoint is https://<account id>.r2.cloudflarestorage.com"),
                new FieldError("region", "Cloudflare R2 uses the region auto"));

        values = r2();
        values.put("service", "aws-s3");
        values.remove("endpoint");
        assertThat(errors(values)).containsExactly(
                new FieldError("region", "Amazon S3 needs the AWS region of the bucket, such as eu-west-1"));
        values.put("region", "eu-west-1");
        assertThat(errors(values)).isEmpty();

        values = r2();
        values.put("service", "other-s3-compatible");
        values.remove("endpoint");
        assertThat(errors(values)).containsExactly(
                new FieldError("endpoint", "Endpoint URL is required for an S3-compatible service"),
                new FieldError("operatorName", "Operator legal name is required for an S3-compatible service"),
                new FieldError("operatorLocation", "Operator location is required for an S3-compatible service"));

        values = r2();
        values.put("region", "bad region");
        values.put("secretAccessKey", "");
        assertThat(errors(values)).containsExactlyInAnyOrder(
                new FieldError("region", "Region must be auto or a region id such as eu-west-1"),
                new FieldError("secretAccessKey", "Secret access key is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Uppercase", "under_score", "-dash-first", "two..dots", "192.168.1.10", "xn--punycode",
            "sthree-bucket", "files-s3alias", "dot.-dash", "a-name-of-sixty-four-characters-is-one-too-long-for-any-s3-bucket"})
    void bucketNamesFollowS3Rules(String bucket) {
        Map<String, String> values = r2();
        values.put("bucket", bucket);
        assertThat(errors(values)).extracting(FieldError::field).containsExactly("bucket");
    }

    @Test
    void keyPrefixMayNotClimbOut() {
        Map<String, String> values = r2();
        values.put("keyPrefix", "classentra/../other");
        assertThat(errors(values)).extracting(FieldError::field).containsExactly("keyPrefix");
        values.put("keyPrefix", "classentra/prod/");
        assertThat(errors(values)).isEmpty();
    }

    @Test
    void r2DisclosureIsTheSeededRow() {
        SubprocessorDisclosure disclosure = disclosure(r2());

        assertThat(disclosure).isEqualTo(new SubprocessorDisclosure(true, "Cloudflare, Inc. (R2)",
                "Object storage for recordings, materials, exports, certificates",
                "United States bucket; EU bucket added at T2 trigger",
                List.of("User-uploaded files", "AI-generated artifacts"), DpfStatus.YES));
        assertThat(provider.descriptor().disclosure()).isEqualTo(disclosure);
    }

    @Test
    void awsAndOtherServicesNameTheirOperator() {
        Map<String, String> aws = r2();
        aws.put("service", "aws-s3");
        aws.put("region", "eu-central-1");
        assertThat(disclosure(aws)).isEqualTo(new SubprocessorDisclosure(true, "Amazon Web Services, Inc.",
                "Object storage for recordings, materials, exports, certificates", "AWS region eu-central-1",
                List.of("User-uploaded files", "AI-generated artifacts"), DpfStatus.YES));

        Map<String, String> other = r2();
        other.put("service", "other-s3-compatible");
        other.put("operatorName", "Example Storage GmbH");
        other.put("operatorLocation", "Germany (Frankfurt)");
        assertThat(disclosure(other)).isEqualTo(new SubprocessorDisclosure(true, "Example Storage GmbH",
                "Object storage for recordings, materials, exports, certificates", "Germany (Frankfurt)",
                List.of("User-uploaded files", "AI-generated artifacts"), DpfStatus.VERIFY));
    }

    @Test
    void aStoredCopyMustMatchWhatWasSent() throws Exception {
        byte[] sent = "lesson notes".getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(sent);
        byte[] md5 = MessageDigest.getInstance("MD5").digest(sent);
        byte[] otherMd5 = MessageDigest.getInstance("MD5").digest("lesson notez".getBytes(StandardCharsets.UTF_8));
        String base64Sha256 = Base64.getEncoder().encodeToString(sha256);

        assertThat(StoredCopyCheck.mismatch(base64Sha256, "\"whatever\"", sha256, md5)).isNull();
        assertThat(StoredCopyCheck.mismatch("AAAA", null, sha256, md5)).startsWith("SHA-256 AAAA instead of");
        assertThat(StoredCopyCheck.mismatch(null, "\"" + HexFormat.of().formatHex(md5) + "\"", sha256, md5)).isNull();
        assertThat(StoredCopyCheck.mismatch(null, "\"" + HexFormat.of().formatHex(otherMd5) + "\"", sha256, md5)).startsWith("MD5 ");
        // Multipart or encrypted objects have ETags that are no MD5: nothing to compare.
        assertThat(StoredCopyCheck.mismatch(null, "\"" + HexFormat.of().formatHex(otherMd5) + "-3\"", sha256, md5)).isNull();
    }

    @Test
    void downloadFilenamesCannotBreakTheHeader() {
        assertThat(S3ObjectStorage.attachment("report.pdf")).isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(S3ObjectStorage.attachment("a\"b\r\nSet-Cookie: x.pdf"))
                .isEqualTo("attachment; filename=\"a_b__Set-Cookie: x.pdf\"; filename*=UTF-8''a_b__Set-Cookie%3A%20x.pdf");
        assertThat(S3ObjectStorage.attachment(null)).startsWith("attachment; filename=\"download\"");
    }
}
