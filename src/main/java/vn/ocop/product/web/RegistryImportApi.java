package vn.ocop.product.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.spreadsheet.ImportBatchView;
import vn.ocop.product.spreadsheet.ImportReport;
import vn.ocop.product.spreadsheet.RegistryImport;
import vn.ocop.product.spreadsheet.SpreadsheetFormat;

/** Spreadsheet import of producers and products: template, upload and check, report, confirmation. */
@RestController
@RequestMapping("/api/v1/registry/import")
@Tag(name = "Registry import", description = "Nhập chủ thể và sản phẩm từ bảng tính")
@SecurityRequirement(name = "bearer")
class RegistryImportApi {

    private final RegistryImport imports;

    RegistryImportApi(RegistryImport imports) {
        this.imports = imports;
    }

    @GetMapping("/template")
    @Operation(summary = "The import template (xlsx with dropdowns, or CSV), Vietnamese headers")
    @ApiResponse(
            responseCode = "200",
            description = "The template (attachment)",
            content = {
                @Content(mediaType = Downloads.XLSX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = Downloads.CSV, schema = @Schema(type = "string", format = "binary"))
            })
    void template(@RequestParam(name = "format", defaultValue = "xlsx") String formatName, HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(formatName);
        Downloads.attachment(response, format, "mau-nhap-san-pham-ocop");
        imports.writeTemplate(format, response.getOutputStream());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a file (xlsx or CSV, at most 10 MB / 50,000 rows): it is checked and staged, nothing is"
                    + " written to the registry; 201 with the report (status STAGED or REJECTED)")
    ResponseEntity<ImportReport> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            CurrentUser actor)
            throws IOException {
        ImportBatchView batch;
        try (InputStream content = file.getInputStream()) {
            batch = imports.stage(
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), content, actor);
        }
        return ResponseEntity.created(URI.create("/api/v1/registry/import/" + batch.id()))
                .body(imports.report(batch.id(), 0, size, actor, LocaleContextHolder.getLocale()));
    }

    @GetMapping
    @Operation(summary = "The caller's latest import batches")
    List<ImportBatchView> recent(CurrentUser actor) {
        return imports.recent(actor, 20);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch with a page of its issues (errors first) and, once applied, of its rows")
    ImportReport report(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            CurrentUser actor) {
        return imports.report(id, page, size, actor, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}/issues")
    @Operation(summary = "Every issue of a batch as a spreadsheet (row, column, severity, message)")
    @ApiResponse(
            responseCode = "200",
            description = "The issues (attachment)",
            content = {
                @Content(mediaType = Downloads.XLSX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = Downloads.CSV, schema = @Schema(type = "string", format = "binary"))
            })
    void issues(
            @PathVariable UUID id,
            @RequestParam(name = "format", defaultValue = "xlsx") String formatName,
            CurrentUser actor,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(formatName);
        imports.batch(id, actor);
        Downloads.attachment(response, format, "bao-cao-nhap-" + id);
        imports.writeIssues(id, format, response.getOutputStream(), actor, LocaleContextHolder.getLocale());
    }

    @PostMapping("/{id}/confirm")
    @Operation(
            summary = "Apply a batch without errors, all or nothing; 409 IMP-006 when it has errors, IMP-007 when"
                    + " already applied")
    ImportReport confirm(
            @PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, CurrentUser actor) {
        imports.confirm(id, actor);
        return imports.report(id, 0, size, actor, LocaleContextHolder.getLocale());
    }
}
