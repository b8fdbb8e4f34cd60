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
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerStatus;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.spreadsheet.RegistryExport;
import vn.ocop.product.spreadsheet.SpreadsheetFormat;

/** The product and producer lists as spreadsheets, with the list endpoints' filters, in the import template layout. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry export", description = "Xuất danh sách chủ thể, sản phẩm ra bảng tính")
@SecurityRequirement(name = "bearer")
class RegistryExportApi {

    private final RegistryExport export;

    RegistryExportApi(RegistryExport export) {
        this.export = export;
    }

    @GetMapping("/products/export")
    @Operation(summary = "Products (same filters as GET /products) as xlsx or CSV; importable again")
    @ApiResponse(
            responseCode = "200",
            description = "The spreadsheet (attachment)",
            content = {
                @Content(mediaType = Downloads.XLSX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = Downloads.CSV, schema = @Schema(type = "string", format = "binary"))
            })
    void products(
            @RequestParam(name = "format", defaultValue = "xlsx") String formatName,
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable @Min(1) @Max(26) Integer criteriaSet,
            @RequestParam(required = false) @Nullable @Size(max = 10) String group,
            @RequestParam(required = false) @Nullable @Min(1) @Max(5) Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(required = false) @Nullable Long producer,
            @RequestParam(required = false) @Nullable ProductStatus status,
            CurrentUser actor,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(formatName);
        export.checkAllowed(actor);
        Downloads.attachment(response, format, "san-pham-ocop");
        export.products(
                new ProductQuery(q, province, commune, criteriaSet, group, stars, producerType, producer, status),
                format,
                response.getOutputStream(),
                actor);
    }

    @GetMapping("/producers/export")
    @Operation(summary = "Producers (same filters as GET /producers) as xlsx or CSV; importable again")
    @ApiResponse(
            responseCode = "200",
            description = "The spreadsheet (attachment)",
            content = {
                @Content(mediaType = Downloads.XLSX, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = Downloads.CSV, schema = @Schema(type = "string", format = "binary"))
            })
    void producers(
            @RequestParam(name = "format", defaultValue = "xlsx") String formatName,
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable LegalType type,
            @RequestParam(required = false) @Nullable ProducerStatus status,
            CurrentUser actor,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(formatName);
        export.checkAllowed(actor);
        Downloads.attachment(response, format, "chu-the-ocop");
        export.producers(
                new ProducerQuery(q, province, commune, type, status), format, response.getOutputStream(), actor);
    }
}
