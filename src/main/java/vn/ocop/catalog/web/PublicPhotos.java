package vn.ocop.catalog.web;

import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.product.PhotoFile;
import vn.ocop.shared.web.InlineFiles;

/**
 * Photo bytes of catalog products: public, kept an hour by caches (a photo never changes: a new upload is a new
 * photo; a product leaving the catalog loses its page at once, its photos within the hour).
 */
final class PublicPhotos {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private PublicPhotos() {}

    static ResponseEntity<Resource> of(PhotoFile file, WebRequest request) {
        return InlineFiles.of(
                file.content(), file.contentType(), file.size(), file.fileName(), file.etag(), CACHE, request);
    }
}
