package com.classentra.privacy;

import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.ProviderException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link in the "your data is ready" email. It needs a session (signed out, the sign-in page comes first and then the
 * download) and serves the archive only to the person whose export it is, while it lasts.
 */
@RestController
class DataExportController {

    private static final String NOT_AVAILABLE = "This download link is not valid, has expired, or belongs to another account. "
            + "Sign in with the account that asked for it, or ask for a new export in Settings.";
    private static final String STORAGE_DOWN = "Your archive cannot be read from storage right now. Please try again in a few minutes.";

    private final DataExports exports;

    DataExportController(DataExports exports) {
        this.exports = exports;
    }

    @GetMapping("/account/data-export/{token}")
    ResponseEntity<?> download(@PathVariable String token, @AuthenticationPrincipal SignedInUser user) {
        DataExports.Download download;
        try {
            var found = exports.open(user, token);
            if (found.isEmpty()) {
                return plain(HttpStatus.NOT_FOUND, NOT_AVAILABLE);
            }
            download = found.get();
        } catch (ProviderException e) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, STORAGE_DOWN);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(download.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
