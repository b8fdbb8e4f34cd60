package vn.ocop.traceability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.PageResult;
import vn.ocop.traceability.EpcisExport;
import vn.ocop.traceability.LotCommands;
import vn.ocop.traceability.LotStatus;
import vn.ocop.traceability.LotView;
import vn.ocop.traceability.Lots;
import vn.ocop.traceability.ScanStatistics;
import vn.ocop.traceability.SignalKind;
import vn.ocop.traceability.SignalStatus;
import vn.ocop.traceability.Signals;
import vn.ocop.traceability.StampBatches;

/** Lots, tracking events, stamp batches, signals and scan statistics for producers and officers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Traceability", description = "Truy xuất nguồn gốc: lô sản xuất, tem, tín hiệu")
class TraceabilityApi {

    private final Lots lots;
    private final StampBatches batches;
    private final EpcisExport epcis;
    private final Signals signals;
    private final ScanStatistics statistics;

    TraceabilityApi(Lots lots, StampBatches batches, EpcisExport epcis, Signals signals, ScanStatistics statistics) {
        this.lots = lots;
        this.batches = batches;
        this.epcis = epcis;
        this.signals = signals;
        this.statistics = statistics;
    }

    @GetMapping("/lots")
    @Operation(summary = "Lots the caller may see, newest first", security = @SecurityRequirement(name = "bearer"))
    PageResult<LotView> lots(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LotStatus status,
            @RequestParam(required = false) @Nullable Long productId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            CurrentUser actor) {
        return lots.list(
                new Lots.LotQuery(q, status, productId),
                Math.max(0, Math.min(page, 100_000)),
                Math.max(1, Math.min(size, 100)),
                actor);
    }

    @PostMapping("/lots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a production lot of a certified product (producer, or an officer on its behalf)",
            security = @SecurityRequirement(name = "bearer"))
    LotView record(@Valid @RequestBody LotCommands.RecordLot command, CurrentUser actor) {
        return lots.record(command, actor);
    }

    @GetMapping("/lots/{id}")
    @Operation(summary = "A lot", security = @SecurityRequirement(name = "bearer"))
    LotView lot(@PathVariable long id, CurrentUser actor) {
        return lots.get(id, actor);
    }

    @GetMapping("/lots/{id}/events")
    @Operation(
            summary = "A lot's critical tracking events, withdrawn ones marked",
            security = @SecurityRequirement(name = "bearer"))
    List<LotView.Event> events(@PathVariable long id, CurrentUser actor) {
        return lots.events(id, actor);
    }

    @PostMapping("/lots/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a critical tracking event (what, when, where, who)",
            security = @SecurityRequirement(name = "bearer"))
    LotView.Event addEvent(
            @PathVariable long id, @Valid @RequestBody LotCommands.RecordLotEvent command, CurrentUser actor) {
        return lots.addEvent(id, command, actor);
    }

    record Withdrawal(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/lots/{id}/events/{eventId}/withdrawal")
    @Operation(
            summary = "Withdraw a mistaken event with a reason (it stays on record, marked)",
            security = @SecurityRequirement(name = "bearer"))
    LotView.Event withdraw(
            @PathVariable long id, @PathVariable long eventId, @Valid @RequestBody Withdrawal body, CurrentUser actor) {
        return lots.withdrawEvent(id, eventId, body.reason(), actor);
    }

    @PostMapping("/lots/{id}/status")
    @Operation(
            summary = "Suspend, reinstate or recall a lot (with a message for the public)",
            security = @SecurityRequirement(name = "bearer"))
    LotView changeLot(@PathVariable long id, @Valid @RequestBody LotCommands.ChangeStatus command, CurrentUser actor) {
        return lots.changeStatus(id, command, actor);
    }

    @GetMapping(
            value = "/lots/{id}/epcis",
            produces = {EpcisExport.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "A lot's events as a GS1 EPCIS 2.0 JSON-LD document",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<Map<String, Object>> epcis(@PathVariable long id, CurrentUser actor) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EpcisExport.MEDIA_TYPE))
                .body(epcis.ofLot(id, actor));
    }

    @GetMapping("/lots/{id}/stamp-batches")
    @Operation(summary = "A lot's stamp batches", security = @SecurityRequirement(name = "bearer"))
    List<LotView.Batch> batches(@PathVariable long id, CurrentUser actor) {
        return batches.ofLot(id, actor);
    }

    @PostMapping("/lots/{id}/stamp-batches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Generate a batch of stamps with random codes (starts not activated)",
            security = @SecurityRequirement(name = "bearer"))
    LotView.Batch generate(
            @PathVariable long id, @Valid @RequestBody LotCommands.GenerateBatch command, CurrentUser actor) {
        return batches.generate(id, command, actor);
    }

    @GetMapping("/stamp-batches/{id}")
    @Operation(summary = "A stamp batch", security = @SecurityRequirement(name = "bearer"))
    LotView.Batch batch(@PathVariable long id, CurrentUser actor) {
        return batches.get(id, actor);
    }

    @PostMapping("/stamp-batches/{id}/status")
    @Operation(
            summary = "Activate, suspend, reinstate or recall a stamp batch",
            security = @SecurityRequirement(name = "bearer"))
    LotView.Batch changeBatch(
            @PathVariable long id, @Valid @RequestBody LotCommands.ChangeStatus command, CurrentUser actor) {
        return batches.changeStatus(id, command, actor);
    }

    @GetMapping(value = "/stamp-batches/{id}/stamps.csv", produces = "text/csv")
    @Operation(
            summary = "The batch's codes and QR URLs as CSV for label printers (audited)",
            security = @SecurityRequirement(name = "bearer"))
    void csv(@PathVariable long id, CurrentUser actor, HttpServletResponse response) throws IOException {
        Downloads.csv(batches.csv(id, actor), response);
    }

    @GetMapping(value = "/stamp-batches/{id}/labels.pdf", produces = "application/pdf")
    @Operation(
            summary = "Print-ready A4 sheets of QR labels for a range of the batch (audited)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<byte[]> labels(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int from,
            @RequestParam(defaultValue = "1000") int count,
            CurrentUser actor) {
        return Downloads.pdf(batches.labels(id, from, count, actor), "tem-" + id + "-" + from + ".pdf");
    }

    @GetMapping("/traceability/signals")
    @Operation(
            summary = "Counterfeit and safety signals the caller may see",
            security = @SecurityRequirement(name = "bearer"))
    PageResult<Signals.SignalView> signals(
            @RequestParam(required = false) @Nullable SignalStatus status,
            @RequestParam(required = false) @Nullable SignalKind kind,
            @RequestParam(required = false) @Nullable Long lotId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            CurrentUser actor) {
        return signals.list(
                new Signals.SignalQuery(status, kind, lotId),
                Math.max(0, Math.min(page, 100_000)),
                Math.max(1, Math.min(size, 100)),
                actor);
    }

    record Review(
            @NotNull SignalStatus status,
            @NotBlank @Size(max = 1000) String note) {}

    @PostMapping("/traceability/signals/{id}/review")
    @Operation(
            summary = "Review a signal: DISMISSED (no issue) or CONFIRMED, with a note",
            security = @SecurityRequirement(name = "bearer"))
    Signals.SignalView review(@PathVariable long id, @Valid @RequestBody Review body, CurrentUser actor) {
        return signals.review(id, body.status(), body.note(), actor);
    }

    @GetMapping("/traceability/scan-statistics")
    @Operation(
            summary = "Scans per day, outcome, scanner's province and lot, within the caller's scope",
            security = @SecurityRequirement(name = "bearer"))
    ScanStatistics.Statistics statistics(
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) @Nullable Long lotId,
            CurrentUser actor) {
        if (lotId != null) {
            lots.get(lotId, actor);
        }
        return statistics.of(days, lotId, actor);
    }

    /** Headers for downloads. */
    static final class Downloads {

        private Downloads() {}

        static void csv(StampBatches.Download download, HttpServletResponse response) throws IOException {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(download.fileName())
                            .build()
                            .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            download.writeTo(response.getOutputStream());
        }

        static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.inline()
                                    .filename(fileName)
                                    .build()
                                    .toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(pdf);
        }
    }
}
