package com.classentra.plugins.storage.s3;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns S3 failures into the platform's three kinds, with a sentence an administrator can act on. */
final class S3Failures {

    private S3Failures() {
    }

    static ProviderException classify(String what, SdkException failure) {
        if (!(failure instanceof AwsServiceException service)) {
            // No answer from the server. Connection failures and timeouts pass; anything else is this request's fault.
            Kind kind = failure.retryable() || causedByIo(failure) || failure.getClass().getSimpleName().contains("Timeout")
                    ? Kind.RETRYABLE : Kind.PERMANENT;
            return new ProviderException(kind, what + ": " + failure.getMessage(), failure);
        }
        // HEAD answers carry no body, so the code is then derived from the status (empty when it says nothing more).
        String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                ? service.awsErrorDetails().errorCode() : codeOfStatus(service.statusCode());
        Kind kind = switch (code) {
            case "NoSuchBucket", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "Forbidden",
                 "InvalidBucketName", "AuthorizationHeaderMalformed", "PermanentRedirect", "ExpiredToken",
                 "InvalidToken", "AllAccessDisabled", "AccountProblem", "InvalidRequest" -> Kind.MISCONFIGURED;
            // A checksum mismatch means the bytes changed on the way: sending them again can succeed.
            case "SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "BadDigest", "XAmzContentSHA256Mismatch"
                    -> Kind.RETRYABLE;
            default -> service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException()
                    ? Kind.RETRYABLE
                    : service.statusCode() == 401 || service.statusCode() == 403 || service.statusCode() == 301
                    ? Kind.MISCONFIGURED
                    // EntityTooLarge, KeyTooLongError, InvalidArgument: this object can never be stored as asked.
                    : Kind.PERMANENT;
        };
        return new ProviderException(kind, what + ": " + explain(code, service), failure);
    }

    private static String explain(String code, AwsServiceException service) {
        String reason = switch (code) {
            case "NoSuchBucket" -> "the bucket does not exist";
            case "InvalidAccessKeyId" -> "the access key id is not known to the service";
            case "SignatureDoesNotMatch" -> "the secret access key does not match the access key id";
            case "AccessDenied", "Forbidden" -> "the access key may not use this bucket";
            case "SlowDown" -> "the service asks to slow down";
            default -> service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null
                    ? service.awsErrorDetails().errorMessage() : "the service refused the request";
        };
        return reason + " (" + (code.isEmpty() ? "" : code + ", ") + "HTTP " + service.statusCode() + ").";
    }

    private static String codeOfStatus(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "NoSuchBucket";
            case 503 -> "ServiceUnavailable";
            default -> "";
        };
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
