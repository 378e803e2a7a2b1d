package com.classentra.legal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exact text of each current legal document, byte for byte what acceptances hash: anyone can check
 * that {@code sha256sum} of /legal/privacy.txt equals the hash recorded with their acceptance. The privacy policy's
 * placeholders for processors stay as they are here; the page fills them from the subprocessor list ({@link PolicyText}).
 */
@RestController
class LegalTextController {

    private final PolicyDocuments documents;

    LegalTextController(PolicyDocuments documents) {
        this.documents = documents;
    }

    /** The address the policy is usually looked for at; the page is /legal/privacy with the other documents. */
    @GetMapping("/privacy")
    ResponseEntity<Void> privacy() {
        return ResponseEntity.status(HttpStatus.FOUND).location(java.net.URI.create("/legal/privacy")).build();
    }

    @GetMapping(value = "/legal/{slug}.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> text(@PathVariable String slug) {
        return PolicyKind.fromSlug(slug)
                .map(kind -> documents.current(kind))
                .map(document -> ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                        .header("X-Document-Version", String.valueOf(document.version()))
                        .header("X-Document-SHA256", document.sha256())
                        .body(document.body()))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No such document. Documents: terms, privacy, instructor-agreement, community-guidelines."));
    }
}
