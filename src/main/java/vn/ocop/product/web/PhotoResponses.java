package vn.ocop.product.web;

import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.product.PhotoFile;
import vn.ocop.shared.web.InlineFiles;

/**
 * The one way photo bytes are sent, from pages and from the API: the stored content type, a strong ETag (a photo never
 * changes, a new upload is a new photo), private caching (the bytes are not public), inline display.
 */
final class PhotoResponses {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(7)).cachePrivate();

    private PhotoResponses() {}

    static ResponseEntity<Resource> of(PhotoFile file, WebRequest request) {
        return InlineFiles.of(
                file.content(), file.contentType(), file.size(), file.fileName(), file.etag(), CACHE, request);
    }
}
