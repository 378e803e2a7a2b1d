package com.classentra.plugins.email.ses;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into the platform's three kinds, with one sentence an administrator can act on. */
final class SesFailures {

    private static final Set<String> CREDENTIAL_ERRORS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException", "MissingAuthenticationToken",
            "AccessDeniedException", "AccessDenied", "ExpiredTokenException");
    /**
     * Account-wide refusals: no message can go until the account or its settings are fixed, so every outbox row
     * would fail the same way. Treated as configuration problems, which pause the slot, rather than failing each
     * message for good.
     */
    private static final Set<String> ACCOUNT_ERRORS = Set.of("AccountSuspendedException", "SendingPausedException",
            "MailFromDomainNotVerifiedException", "NotFoundException");
    /** Rate and quota limits that lift by themselves. */
    private static final Set<String> THROTTLING_ERRORS = Set.of("TooManyRequestsException", "ThrottlingException",
            "Throttling", "LimitExceededException");

    private SesFailures() {
    }

    static ProviderException classify(String what, SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String reason = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            int status = service.statusCode();
            String detail = what + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason)
                    + " (" + (code == null ? "error" : code) + ", HTTP " + status + ").";
            return new ProviderException(kind(code, status, service.isThrottlingException()), detail, failure);
        }
        // No answer from SES: timeouts and connection failures pass; anything else is a request the SDK could not build.
        boolean transport = failure.retryable() || hasCause(failure, IOException.class)
                || failure.getClass().getSimpleName().contains("Timeout");
        return new ProviderException(transport ? Kind.RETRYABLE : Kind.PERMANENT,
                what + ": " + failure.getMessage(), failure);
    }

    private static Kind kind(String code, int status, boolean throttling) {
        if (code != null && CREDENTIAL_ERRORS.contains(code) || status == 401 || status == 403) {
            return Kind.MISCONFIGURED;
        }
        if (code != null && ACCOUNT_ERRORS.contains(code)) {
            return Kind.MISCONFIGURED;
        }
        if (throttling || status == 429 || status >= 500 || code != null && THROTTLING_ERRORS.contains(code)) {
            return Kind.RETRYABLE;
        }
        // MessageRejected, BadRequest (an address SES will not take), suppressed recipients: this message never goes.
        return Kind.PERMANENT;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
