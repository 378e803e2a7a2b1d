package com.classentra.platform.secrets;

import com.classentra.platform.ClassentraProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The installation's 256-bit master key: from {@code CLASSENTRA_MASTER_KEY} (base64), or generated once
 * into {@code <data>/master.key} (readable by its owner only). Each use gets its own key derived from it
 * (HMAC-SHA256 of a label), so secrets encryption and link signing never share a key.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;

    public MasterKey(ClassentraProperties properties) throws IOException {
        this.key = loadKey(properties);
    }

    /** A 256-bit key for one purpose, e.g. "plugin secrets v1". */
    public byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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
