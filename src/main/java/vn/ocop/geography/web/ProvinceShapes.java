package vn.ocop.geography.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import vn.ocop.geography.ProvinceMap;

/**
 * The provinces' outlines as one SVG document, referenced by every map the pages draw (fragments/map.html). Public
 * reference data; cached by browsers for a year when asked for by its version ({@code ?v=}, what the pages link),
 * revalidated by its ETag otherwise.
 */
@Controller
class ProvinceShapes {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final ProvinceMap map;

    ProvinceShapes(ProvinceMap map) {
        this.map = map;
    }

    @GetMapping("/admin-units/provinces.svg")
    @Nullable
    ResponseEntity<String> outlines(
            @RequestParam(name = "v", required = false) @Nullable String version, WebRequest request) {
        ProvinceMap.Sprite sprite = map.sprite();
        String etag = "\"" + sprite.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        CacheControl cache = sprite.version().equals(version)
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache().cachePublic();
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(cache)
                .eTag(etag)
                .body(sprite.svg());
    }
}
