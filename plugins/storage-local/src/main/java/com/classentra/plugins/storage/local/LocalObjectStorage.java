package com.classentra.plugins.storage.local;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Objects live under {@code objects/<key>}, their content type and SHA-256 in {@code meta/<key>.properties}.
 * Keys are checked segment by segment and the resolved path must stay under the root, so no key reaches
 * a file outside it; symbolic links inside the root are not followed.
 */
final class LocalObjectStorage implements ObjectStorage {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_KEY_LENGTH = 512;

    private final Path objects;
    private final Path meta;
    private final Path incoming;
    private final long maxBytes;

    LocalObjectStorage(Path root, long maxBytes) throws IOException {
        this.objects = Files.createDirectories(root.resolve("objects"));
        this.meta = Files.createDirectories(root.resolve("meta"));
        this.incoming = Files.createDirectories(root.resolve("incoming"));
        this.maxBytes = maxBytes;
    }

    @Override
    public ObjectInfo put(String key, InputStream content, long size, String contentType) throws ProviderException {
        Path target = resolve(objects, key, "");
        if (size < 0 || size > maxBytes) {
            throw new ProviderException(Kind.PERMANENT, "The file is " + size + " bytes; the limit is " + maxBytes + " bytes");
        }
        Path temp = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long written;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                written = copyAtMost(content, out, maxBytes + 1);
            }
            if (written != size) {
                throw new ProviderException(Kind.PERMANENT, written > maxBytes
                        ? "The file is larger than the limit of " + maxBytes + " bytes"
                        : "Expected " + size + " bytes but received " + written);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Files.createDirectories(target.getParent());
            // Content first, then its metadata: a reader may briefly see new content with old metadata,
            // never metadata describing content that is not there.
            move(temp, target);
            writeMeta(key, contentType, hash);
            return new ObjectInfo(key, written, contentType, hash, Files.getLastModifiedTime(target).toInstant());
        } catch (FileAlreadyExistsException | NotDirectoryException | DirectoryNotEmptyException e) {
            throw new ProviderException(Kind.PERMANENT, "The key " + key + " collides with an existing object or folder", e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot store " + key + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws ProviderException {
        Path file = resolve(objects, key, "");
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            // A folder here is the prefix of other keys, not an object (as stat says).
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws ProviderException {
        Path file = resolve(objects, key, "");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Properties properties = readMeta(key);
            return Optional.of(new ObjectInfo(key, Files.size(file), properties.getProperty("contentType"),
                    properties.getProperty("sha256"), Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) throws ProviderException {
        try {
            Files.deleteIfExists(resolve(meta, key, ".properties"));
            return Files.deleteIfExists(resolve(objects, key, ""));
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix, String startAfter, int limit) throws ProviderException {
        List<String> keys;
        try (Stream<Path> files = Files.walk(objects)) {
            keys = files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> objects.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix == null ? "" : prefix))
                    .filter(k -> startAfter == null || k.compareTo(startAfter) > 0)
                    .sorted()
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot list objects: " + e.getMessage(), e);
        }
        List<ObjectInfo> page = new ArrayList<>(keys.size());
        for (String key : keys) {
            stat(key).ifPresent(page::add);
        }
        return page;
    }

    @Override
    public HealthReport checkHealth() {
        if (Files.isDirectory(objects) && Files.isWritable(objects) && Files.isWritable(incoming)) {
            return HealthReport.healthy("Storing files under " + objects.getParent());
        }
        return HealthReport.unhealthy("Storage directory " + objects.getParent() + " is missing or not writable");
    }

    /** Maps a key to a path under {@code base}, refusing anything that is not a plain relative key. */
    private static Path resolve(Path base, String key, String suffix) throws ProviderException {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new ProviderException(Kind.PERMANENT, "Invalid object key");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new ProviderException(Kind.PERMANENT, "Invalid object key: " + key);
            }
        }
        Path resolved = base.resolve(key + suffix).normalize();
        if (!resolved.startsWith(base)) {
            throw new ProviderException(Kind.PERMANENT, "Invalid object key: " + key);
        }
        for (Path p = resolved.getParent(); p != null && !p.equals(base); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new ProviderException(Kind.PERMANENT, "Invalid object key: " + key);
            }
        }
        return resolved;
    }

    private void writeMeta(String key, String contentType, String sha256) throws IOException, ProviderException {
        Path file = resolve(meta, key, ".properties");
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty("contentType", contentType == null ? "application/octet-stream" : contentType);
        properties.setProperty("sha256", sha256);
        properties.setProperty("storedAt", Instant.now().toString());
        Path temp = incoming.resolve(UUID.randomUUID() + ".meta");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            properties.store(writer, null);
        }
        move(temp, file);
    }

    private Properties readMeta(String key) throws IOException, ProviderException {
        Properties properties = new Properties();
        Path file = resolve(meta, key, ".properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // leftover partial upload in incoming/; it holds no object and is overwritten by nothing
        }
    }
}
