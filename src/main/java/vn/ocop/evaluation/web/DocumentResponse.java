package vn.ocop.evaluation.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ocop.evaluation.EvidenceLocker;

/**
 * A locker document, shown in the browser: only PDF, JPEG and PNG are stored (recognised by their content at upload),
 * so they open inline; never sniffed, never cached by shared caches.
 */
final class DocumentResponse {

    private DocumentResponse() {}

    static ResponseEntity<FileSystemResource> of(EvidenceLocker.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.document().contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(download.document().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.path()));
    }
}
