package vn.ocop.product.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.producer.ProducerStatus;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.spreadsheet.ImportBatchView;
import vn.ocop.product.spreadsheet.ImportReport;
import vn.ocop.product.spreadsheet.RegistryExport;
import vn.ocop.product.spreadsheet.RegistryImport;
import vn.ocop.product.spreadsheet.SpreadsheetFormat;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.web.Problems;

/**
 * Pages of the spreadsheet import (upload, report, confirmation) and the browser downloads of templates, reports and
 * exports. URLs: {@code /registry/import/**} and {@code /registry/export/**}.
 */
@Controller
class RegistryImportPages {

    private static final int PAGE_SIZE = 50;

    private final RegistryImport imports;
    private final RegistryExport export;
    private final Problems problems;

    RegistryImportPages(RegistryImport imports, RegistryExport export, Problems problems) {
        this.imports = imports;
        this.export = export;
        this.problems = problems;
    }

    @GetMapping("/registry/import")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    String form(CurrentUser actor, Model model) {
        model.addAttribute("recent", imports.recent(actor, 10));
        model.addAttribute("maxMb", RegistryImport.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", RegistryImport.MAX_ROWS);
        return "registry/import";
    }

    @PostMapping("/registry/import")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            CurrentUser actor,
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            ImportBatchView batch;
            try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
                batch = imports.stage(
                        file == null || file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                        content,
                        actor);
            }
            return "redirect:/registry/import/" + batch.id();
        } catch (OcopException e) {
            response.setStatus(Problems.status(e.errorCode().kind()).value());
            model.addAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
            model.addAttribute("errorCode", e.errorCode().code());
            return form(actor, model);
        }
    }

    @GetMapping("/registry/import/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    String report(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser actor,
            Locale locale,
            Model model) {
        ImportReport report = imports.report(id, Math.max(0, Math.min(page, 100_000)), PAGE_SIZE, actor, locale);
        model.addAttribute("report", report);
        model.addAttribute("batch", report.batch());
        model.addAttribute("pageUrl", "/registry/import/" + id);
        return "registry/report";
    }

    @PostMapping("/registry/import/{id}/confirm")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    String confirm(@PathVariable UUID id, CurrentUser actor, RedirectAttributes redirect) {
        try {
            imports.confirm(id, actor);
            redirect.addFlashAttribute("applied", true);
        } catch (OcopException e) {
            redirect.addFlashAttribute("error", problems.message(e.errorCode().messageKey(), e.arguments()));
        }
        return "redirect:/registry/import/" + id;
    }

    @GetMapping("/registry/import/template.{ext}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    void template(@PathVariable String ext, HttpServletResponse response) throws IOException {
        SpreadsheetFormat format = Downloads.format(ext);
        Downloads.attachment(response, format, "mau-nhap-san-pham-ocop");
        imports.writeTemplate(format, response.getOutputStream());
    }

    @GetMapping("/registry/import/{id}/report.{ext}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CENTRAL_OFFICE', 'PROVINCE_OFFICER', 'COMMUNE_OFFICER')")
    void issues(
            @PathVariable UUID id,
            @PathVariable String ext,
            CurrentUser actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(ext);
        imports.batch(id, actor);
        Downloads.attachment(response, format, "bao-cao-nhap-" + id);
        imports.writeIssues(id, format, response.getOutputStream(), actor, locale);
    }

    /** The product list with the list page's filters (same parameters as {@code GET /api/v1/products}). */
    @GetMapping("/registry/export/products.{ext}")
    void exportProducts(
            @PathVariable String ext,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable Integer criteriaSet,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(required = false) @Nullable Long producer,
            @RequestParam(required = false) @Nullable ProductStatus status,
            CurrentUser actor,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(ext);
        export.checkAllowed(actor);
        Downloads.attachment(response, format, "san-pham-ocop");
        export.products(
                new ProductQuery(q, province, commune, criteriaSet, group, stars, producerType, producer, status),
                format,
                response.getOutputStream(),
                actor);
    }

    /** The producer list with the list page's filters (same parameters as {@code GET /api/v1/producers}). */
    @GetMapping("/registry/export/producers.{ext}")
    void exportProducers(
            @PathVariable String ext,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable LegalType type,
            @RequestParam(required = false) @Nullable ProducerStatus status,
            CurrentUser actor,
            HttpServletResponse response)
            throws IOException {
        SpreadsheetFormat format = Downloads.format(ext);
        export.checkAllowed(actor);
        Downloads.attachment(response, format, "chu-the-ocop");
        export.producers(
                new ProducerQuery(q, province, commune, type, status), format, response.getOutputStream(), actor);
    }
}
