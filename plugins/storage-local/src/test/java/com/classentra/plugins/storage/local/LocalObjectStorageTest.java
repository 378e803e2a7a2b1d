package com.classentra.plugins.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalObjectStorageTest {

    @TempDir
    Path work;

    private ObjectStorage storage;

    @BeforeEach
    void createStorage() throws Exception {
        storage = new LocalStorageProvider().create(
                new ProviderConfig(Map.of(LocalStorageProvider.MAX_OBJECT_MB, "1")), new ProviderContext(work));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesReadsListsAndDeletes() throws Exception {
        ObjectInfo info = storage.put("tenant-a/course-1/notes.txt", bytes("hello"), 5, "text/plain");

        assertThat(info.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8))));
        try (InputStream in = storage.get("tenant-a/course-1/notes.txt").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        storage.put("tenant-a/course-2/a.bin", bytes("x"), 1, "application/octet-stream");
        storage.put("tenant-b/b.bin", bytes("y"), 1, null);

        assertThat(storage.list("tenant-a/", null, 10)).extracting(ObjectInfo::key)
                .containsExactly("tenant-a/course-1/notes.txt", "tenant-a/course-2/a.bin");
        assertThat(storage.list("", "tenant-a/course-2/a.bin", 10)).extracting(ObjectInfo::key)
                .containsExactly("tenant-b/b.bin");
        assertThat(storage.stat("tenant-a/course-1/notes.txt").orElseThrow().contentType()).isEqualTo("text/plain");

        assertThat(storage.delete("tenant-a/course-1/notes.txt")).isTrue();
        assertThat(storage.get("tenant-a/course-1/notes.txt")).isEmpty();
        assertThat(storage.delete("tenant-a/course-1/notes.txt")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.txt", "a/../../outside.txt", "/etc/passwd", "a//b", "a/./b", ".hidden",
            "a\\..\\b", "a/b/", "", "tenant/%2e%2e/x", "a/b\u0000c"})
    void refusesKeysThatCouldEscapeTheRoot(String key) {
        assertThatThrownBy(() -> storage.put(key, bytes("x"), 1, "text/plain"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT));
        assertThat(work.getParent().resolve("outside.txt")).doesNotExist();
    }

    @Test
    void refusesSymlinkedDirectories() throws Exception {
        Path outside = Files.createDirectories(work.getParent().resolve(work.getFileName() + "-outside"));
        Files.createSymbolicLink(work.resolve("files/objects/link"), outside);

        assertThatThrownBy(() -> storage.put("link/x.txt", bytes("x"), 1, "text/plain")).isInstanceOf(ProviderException.class);
        assertThat(outside.resolve("x.txt")).doesNotExist();
    }

    @Test
    void oversizedOrShortUploadLeavesNothingBehind() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        assertThatThrownBy(() -> storage.put("big.bin", new ByteArrayInputStream(big), big.length, null))
                .hasMessageContaining("limit");
        // A client that lies about the size is caught while streaming.
        assertThatThrownBy(() -> storage.put("liar.bin", new ByteArrayInputStream(big), 10, null))
                .isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> storage.put("short.bin", bytes("abc"), 10, null))
                .hasMessageContaining("Expected 10 bytes");

        assertThat(storage.list("", null, 10)).isEmpty();
        try (var incoming = Files.list(work.resolve("files/incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void aKeyThatCollidesWithAnObjectIsAPermanentFailure() throws Exception {
        storage.put("a", bytes("x"), 1, "text/plain");

        assertThatThrownBy(() -> storage.put("a/b", bytes("y"), 1, "text/plain"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT));
        assertThat(storage.stat("a").orElseThrow().size()).isEqualTo(1);
    }

    @Test
    void replacingAnObjectKeepsOnlyTheNewContent() throws Exception {
        storage.put("k.txt", bytes("one"), 3, "text/plain");
        storage.put("k.txt", bytes("two!"), 4, "text/plain");

        assertThat(storage.stat("k.txt").orElseThrow().size()).isEqualTo(4);
        assertThat(storage.checkHealth().healthy()).isTrue();
    }
}
