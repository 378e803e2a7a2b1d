package com.classentra.files;

import com.classentra.platform.security.SignedInUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads. {@code /files/{id}} needs a session: it checks the person's rights and redirects to a short-lived
 * signed link. {@code /files/{id}/content} serves that link, as an attachment that browsers never render inline.
 */
@RestController
class FileDownloadController {

    private static final String NOT_FOUND = "This file does not exist or is not shared with you.";
    private static final String LINK_EXPIRED = "This download link has expired or is not valid. Open the file again from its course page.";

    private final FileService files;

    FileDownloadController(FileService files) {
        this.files = files;
    }

    @GetMapping("/files/{id}")
    ResponseEntity<String> link(@PathVariable String id, @AuthenticationPrincipal SignedInUser user) {
        return parse(id)
                .flatMap(fileId -> files.downloadLink(user, fileId))
                .map(link -> ResponseEntity.status(HttpStatus.FOUND).location(link).header(HttpHeaders.CACHE_CONTROL, "no-store").<String>build())
                .orElseGet(() -> plain(HttpStatus.NOT_FOUND, NOT_FOUND));
    }

    @GetMapping("/files/{id}/content")
    ResponseEntity<?> content(@PathVariable String id, @RequestParam(name = "t", required = false) String token) throws IOException {
        var download = parse(id).flatMap(fileId -> files.open(fileId, token));
        if (download.isEmpty()) {
            return plain(HttpStatus.FORBIDDEN, LINK_EXPIRED);
        }
        StoredFileInfo info = download.get().info();
        InputStream content = download.get().content();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(info.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(info.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content));
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
