package com.classentra.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be. The type is read from the bytes (Apache Tika's magic detection; the name only breaks
 * ties such as a ZIP that is really a .docx), never taken from the browser, and only documents, images, audio
 * and video that a browser will not run are accepted: no HTML, SVG, scripts or executables.
 */
@Component
public class UploadRules {

    /** Accepted content types and the name people know them by. */
    static final Map<String, String> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("image/png", "PNG image"), Map.entry("image/jpeg", "JPEG image"), Map.entry("image/gif", "GIF image"),
            Map.entry("image/webp", "WebP image"),
            Map.entry("text/plain", "text"), Map.entry("text/csv", "CSV"), Map.entry("text/x-web-markdown", "Markdown"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
            Map.entry("application/zip", "ZIP archive"),
            Map.entry("audio/mpeg", "MP3 audio"), Map.entry("audio/mp4", "M4A audio"), Map.entry("video/mp4", "MP4 video"));

    /** The extensions offered in the browser's file picker; the server still checks every file's bytes. */
    public static final Set<String> PICKER_EXTENSIONS = Set.of(".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".txt", ".csv", ".md",
            ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".zip", ".mp3", ".m4a", ".mp4");

    private static final int MAX_NAME_LENGTH = 120;

    private final Tika tika = new Tika();
    private final long maxBytes;

    UploadRules(@Value("${classentra.files.max-upload-size:25MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** "25 MB": the limit as people read it. */
    public String maxSizeLabel() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
    }

    /** The sniffed content type, or the reason the file is refused. */
    public sealed interface Verdict {
    }

    public record Accepted(String contentType, String filename) implements Verdict {
    }

    public record Refused(String message) implements Verdict {
    }

    /** Why a file over the size limit is refused; the limit itself is kept while the file arrives ({@link FileService#stage}). */
    public String tooLarge(String clientName) {
        return safeFilename(clientName) + " is larger than " + maxSizeLabel() + ".";
    }

    /** Checks a received file that is within the size limit. */
    public Verdict check(Path file, String clientName) throws IOException {
        String name = safeFilename(clientName);
        if (Files.size(file) == 0) {
            return new Refused(name + " is empty.");
        }
        String type;
        try (InputStream in = Files.newInputStream(file)) {
            type = tika.detect(in, name);
        }
        if (!ACCEPTED.containsKey(type)) {
            return new Refused(name + " is not a file type we accept (" + type + "). Upload a PDF, an office document, an image, text, audio or video.");
        }
        return new Accepted(type, name);
    }

    /**
     * A name that is safe to store, show and send back in Content-Disposition: no directories, no control or
     * bidirectional-override characters, no leading dots, at most 120 characters with the extension kept.
     */
    public static String safeFilename(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                .replaceAll("[<>:\"|?*]", "_")
                .strip()
                .replaceAll("^\\.+", "");
        if (name.isBlank()) {
            return "file";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    /** The kind of file as people say it ("PDF", "Word document"), for lists. */
    public static Optional<String> describe(String contentType) {
        return Optional.ofNullable(ACCEPTED.get(contentType.toLowerCase(Locale.ROOT)));
    }
}
