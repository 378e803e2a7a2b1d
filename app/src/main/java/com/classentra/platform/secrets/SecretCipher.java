package com.classentra.platform.secrets;

import com.classentra.platform.ClassentraProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM. The key comes from {@code CLASSENTRA_MASTER_KEY}
 * (base64, 32 bytes); without one, a key is generated once and kept in {@code <data>/master.key}
 * (readable by its owner only). Each value carries its own random nonce, and the context string (for
 * instance "email/apiKey") is bound as associated data, so a ciphertext copied to another field fails.
 */
@Component
public class SecretCipher {

    static final String PREFIX = "enc:v1:";
    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(ClassentraProperties properties) throws IOException {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret (" + context
                    + "): the master key differs from the one it was encrypted with, or the value was altered", e);
        }
    }

    private static byte[] loadKey(ClassentraProperties properties) throws IOException {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return decodeKey(properties.masterKey().strip(), "CLASSENTRA_MASTER_KEY");
        }
        Path file = properties.dataDirectory().resolve("master.key");
        if (Files.exists(file)) {
            return decodeKey(Files.readString(file).strip(), file.toString());
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        Files.createDirectories(file.getParent());
        try {
            // Created with owner-only permissions from the start, and only if no other process made one first.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return decodeKey(Files.readString(file).strip(), file.toString());
        } catch (UnsupportedOperationException e) {
            log.warn("Cannot restrict permissions of {} on this filesystem", file);
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(generated) + "\n");
        log.warn("Generated a new master key in {}. Back it up with the database: secrets cannot be read without it. "
                + "Nodes sharing a database must share it (set CLASSENTRA_MASTER_KEY).", file);
        return generated;
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("The master key in " + source + " must be 32 bytes (base64 of 256 bits), got " + key.length);
        }
        return key;
    }
}
