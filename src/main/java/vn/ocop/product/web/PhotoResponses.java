package vn.ocop.product.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.product.PhotoFile;

/**
 * The one way photo bytes are sent, from pages and from the API: the stored content type, a strong ETag (a photo never
 * changes, a new upload is a new photo), private caching (the bytes are not public), inline display.
 */
final class PhotoResponses {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(7)).cachePrivate();

    private PhotoResponses() {}

    static ResponseEntity<Resource> of(PhotoFile file, WebRequest request) {
        if (request.checkNotModified(file.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(file.etag())
                    .cacheControl(CACHE)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .eTag(file.etag())
                .cacheControl(CACHE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }
}
