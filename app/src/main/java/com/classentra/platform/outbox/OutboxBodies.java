package com.classentra.platform.outbox;

import com.classentra.platform.secrets.SecretCipher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Email bodies at rest. A queued body is AES-GCM encrypted under the master key, bound to its row (the row id
 * is the associated data, so a body copied to another row does not open), and blanked once sent. Whoever reads
 * the table or a backup of it finds no working verification or reset link, and no message content.
 */
@Component
public class OutboxBodies {

    private final SecretCipher cipher;

    OutboxBodies(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored form of a row's two bodies. */
    public record Sealed(String text, String html) {
    }

    /** A body that cannot be opened with this master key: the email cannot be sent, ever. */
    static final class UnreadableBodyException extends RuntimeException {
        UnreadableBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Sealed seal(UUID id, String text, String html) {
        return new Sealed(cipher.encrypt(text, context(id, "text")), html == null ? null : cipher.encrypt(html, context(id, "html")));
    }

    /** The plain text body of a queued row, as the provider must receive it. */
    public String text(UUID id, Sealed sealed) {
        return open(id, "text", sealed.text());
    }

    public String html(UUID id, Sealed sealed) {
        return sealed.html() == null ? null : open(id, "html", sealed.html());
    }

    // Rows queued before bodies were sealed are still plain text; they are sent as they are.
    private String open(UUID id, String part, String stored) {
        if (!SecretCipher.isEncrypted(stored)) {
            return stored;
        }
        try {
            return cipher.decrypt(stored, context(id, part));
        } catch (IllegalStateException e) {
            throw new UnreadableBodyException("its body cannot be decrypted with this master key", e);
        }
    }

    private static String context(UUID id, String part) {
        return "email_outbox/" + id + "/" + part;
    }
}
