package com.classentra.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs the payload of links sent by email (verification, password reset), so an altered link is
 * recognised as such before anything is looked up. The signature is HMAC-SHA256 under a key derived
 * from the master key, appended as {@code payload.signature} in URL-safe base64.
 */
@Component
public class LinkSigner {

    private final byte[] key;

    LinkSigner(MasterKey masterKey) {
        this.key = masterKey.derive("link signing v1");
    }

    public String sign(String payload) {
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** The payload when the signature matches; empty for anything altered or malformed. */
    public Optional<String> verify(String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = signed.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(payload)) ? Optional.of(payload) : Optional.empty();
    }

    /** A signed link token naming one record: {@code PURPOSE.<id>.signature}. */
    public String signId(String purpose, UUID id) {
        return sign(purpose + "." + id);
    }

    /** The id a token made by {@link #signId} names, when it is intact and made for this purpose; empty otherwise. */
    public Optional<UUID> idFrom(String purpose, String token) {
        return verify(token).filter(payload -> payload.startsWith(purpose + ".")).flatMap(payload -> {
            try {
                return Optional.of(UUID.fromString(payload.substring(purpose.length() + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
