package vn.ocop.traceability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.traceability.EpcisExport;
import vn.ocop.traceability.PublicTrace;

/** Public traceability API: a stamp's scan as JSON, a scan's coarse location, a lot's EPCIS events. No login. */
@RestController
@RequestMapping("/api/v1")
@CrossOrigin(
        origins = "*",
        methods = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST})
@Tag(name = "Public traceability", description = "Tra cứu tem truy xuất nguồn gốc (công khai)")
class PublicStampApi {

    private final PublicTrace trace;
    private final EpcisExport epcis;

    PublicStampApi(PublicTrace trace, EpcisExport epcis) {
        this.trace = trace;
        this.epcis = epcis;
    }

    @GetMapping("/stamps/{code}")
    @Operation(
            summary = "Public: scan a stamp — product, producer, place, live certificate status, lot, events, shops,"
                    + " recall; the scan is logged (coarse location only when given)")
    ResponseEntity<PublicTrace.StampScan> scan(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Double lon,
            @RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(trace.scan(code, PublicTrace.Channel.API, userAgent, lat, lon));
    }

    /** A browser's position, rounded to 0.1° on arrival. */
    record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    @PostMapping("/stamps/{code}/scans/{scanId}/location")
    @Operation(
            summary = "Public: add the coarse location a browser shared to its scan (once, within minutes of the scan)")
    ResponseEntity<Void> locate(
            @PathVariable String code, @PathVariable long scanId, @Valid @RequestBody Location location) {
        trace.locate(code, scanId, location.latitude(), location.longitude());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(
            value = "/epcis/lots/{key}",
            produces = {EpcisExport.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Public: a lot's critical tracking events as a GS1 EPCIS 2.0 JSON-LD document")
    ResponseEntity<Map<String, Object>> events(@PathVariable String key) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EpcisExport.MEDIA_TYPE))
                .cacheControl(CacheControl.noCache())
                .body(epcis.ofLot(key));
    }
}
