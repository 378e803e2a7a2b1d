package com.classentra.plugins.email.smtp;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Turns a Jakarta Mail failure into what the outbox should do: 4xx replies and network trouble are worth
 * another try, 5xx replies about the message or a recipient never will be, and a refused sign-in, sender or
 * TLS set-up means the settings are wrong. Messages carry the relay's reply, never the credentials.
 */
final class SmtpFailures {

    /** Replies about authentication: 530 sign-in required, 534 mechanism too weak, 535 bad credentials, 538 encryption required. */
    private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(530, 534, 535, 538);

    private SmtpFailures() {
    }

    static ProviderException classify(MessagingException failure, String relay) {
        String reply = oneLine(failure.getMessage());
        if (failure instanceof AuthenticationFailedException) {
            return new ProviderException(Kind.MISCONFIGURED, "The relay " + relay + " refused the user name or password: " + reply, failure);
        }
        if (failure instanceof MailConnectException) {
            return new ProviderException(Kind.RETRYABLE, "Cannot connect to the relay " + relay + ": " + oneLine(rootMessage(failure)), failure);
        }
        if (reply.contains("STARTTLS is required")) {
            return new ProviderException(Kind.MISCONFIGURED, "The relay " + relay
                    + " does not offer STARTTLS; use implicit TLS if it expects that, or check the port", failure);
        }
        if (has(failure, SSLException.class) || has(failure, CertificateException.class)) {
            return new ProviderException(Kind.MISCONFIGURED, "TLS with the relay " + relay
                    + " failed (untrusted certificate, wrong port for this encryption, or a host name the certificate does not name): "
                    + oneLine(rootMessage(failure)), failure);
        }
        if (has(failure, SocketTimeoutException.class)) {
            return new ProviderException(Kind.RETRYABLE, "The relay " + relay + " did not answer in time", failure);
        }
        Kind kind = null;
        String refused = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Kind found = null;
            int code = 0;
            if (cause instanceof SMTPSenderFailedException sender) {
                code = sender.getReturnCode();
                // The relay will not send as this sender: no message can go out until the settings change.
                found = code >= 500 ? Kind.MISCONFIGURED : Kind.RETRYABLE;
            } else if (cause instanceof SMTPAddressFailedException recipient) {
                code = recipient.getReturnCode();
                found = code >= 500 ? Kind.PERMANENT : Kind.RETRYABLE;
            } else if (cause instanceof SMTPSendFailedException sendFailed) {
                code = sendFailed.getReturnCode();
                found = AUTHENTICATION_REPLIES.contains(code) ? Kind.MISCONFIGURED : code >= 500 ? Kind.PERMANENT : Kind.RETRYABLE;
            }
            if (found != null && (kind == null || severity(found) > severity(kind))) {
                kind = found;
                refused = oneLine(cause.getMessage());
            }
        }
        if (kind != null) {
            return new ProviderException(kind, "The relay " + relay + " refused the message: " + refused, failure);
        }
        // A dropped connection or an unexpected reply: the outbox tries again and gives up after its attempts.
        return new ProviderException(Kind.RETRYABLE, "Sending through " + relay + " failed: " + reply, failure);
    }

    private static int severity(Kind kind) {
        return switch (kind) {
            case RETRYABLE -> 0;
            case PERMANENT -> 1;
            case MISCONFIGURED -> 2;
        };
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
