package vn.ocop.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.PublicCaching;

/**
 * The public register as open data: a page describing it, and the whole list of listed products as CSV (UTF-8 with a
 * byte order mark, so spreadsheet programs read the Vietnamese letters) and as JSON, streamed from the database.
 */
@Controller
class OpenDataPages {

    /** The register's columns, as named in both files. */
    static final String[] COLUMNS = {
        "product_id", "name", "ocop_code", "star", "certificate_number", "certificate_level", "certified_on",
        "valid_until", "criteria_set_no", "criteria_set", "producer_id", "producer", "producer_type", "commune_code",
        "commune", "province_code", "province", "price_min_vnd", "price_max_vnd", "url"
    };

    private final Catalog catalog;
    private final PublicCaching caching;
    private final JsonMapper json;

    OpenDataPages(Catalog catalog, PublicCaching caching, JsonMapper json) {
        this.catalog = catalog;
        this.caching = caching;
        this.json = json;
    }

    @GetMapping("/open-data")
    @Nullable
    String page(WebRequest request, HttpServletResponse response, Model model) {
        if (caching.notModified(request, response, "open-data")) {
            return null;
        }
        model.addAttribute("figures", catalog.figures());
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("today", catalog.today());
        return "catalog/open-data";
    }

    @GetMapping("/open-data/ocop-products.csv")
    void csv(WebRequest request, HttpServletResponse response) throws IOException {
        if (caching.notModified(request, response, "csv")) {
            return;
        }
        download(response, "text/csv;charset=UTF-8", "ocop-products-" + catalog.today() + ".csv");
        String base = base();
        OutputStream out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            catalog.forEachListed(r -> {
                try {
                    csv.printRecord(
                            r.productId(),
                            r.name(),
                            r.ocopCode(),
                            r.star(),
                            r.certificateNumber(),
                            r.certificateLevel(),
                            r.certifiedOn(),
                            r.expiresOn(),
                            r.criteriaSetNo(),
                            r.criteriaSetName(),
                            r.producerId(),
                            r.producerName(),
                            r.producerType(),
                            r.communeCode(),
                            r.communeName(),
                            r.provinceCode(),
                            r.provinceName(),
                            r.priceMin() == null ? null : r.priceMin().toPlainString(),
                            r.priceMax() == null ? null : r.priceMax().toPlainString(),
                            base + "/catalog/products/" + r.productId());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping("/open-data/ocop-products.json")
    void json(WebRequest request, HttpServletResponse response) throws IOException {
        if (caching.notModified(request, response, "json-register")) {
            return;
        }
        download(response, "application/json", "ocop-products-" + catalog.today() + ".json");
        String base = base();
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeStringProperty("date", catalog.today().toString());
            out.writeStringProperty("source", base + "/open-data");
            out.writeName("products");
            out.writeStartArray();
            catalog.forEachListed(r -> {
                out.writeStartObject();
                out.writeNumberProperty(COLUMNS[0], r.productId());
                out.writeStringProperty(COLUMNS[1], r.name());
                out.writeStringProperty(COLUMNS[2], r.ocopCode());
                out.writeNumberProperty(COLUMNS[3], r.star());
                out.writeStringProperty(COLUMNS[4], r.certificateNumber());
                out.writeStringProperty(COLUMNS[5], r.certificateLevel());
                out.writeStringProperty(COLUMNS[6], r.certifiedOn().toString());
                out.writeStringProperty(COLUMNS[7], r.expiresOn().toString());
                out.writeNumberProperty(COLUMNS[8], r.criteriaSetNo());
                out.writeStringProperty(COLUMNS[9], r.criteriaSetName());
                out.writeNumberProperty(COLUMNS[10], r.producerId());
                out.writeStringProperty(COLUMNS[11], r.producerName());
                out.writeStringProperty(COLUMNS[12], r.producerType());
                out.writeStringProperty(COLUMNS[13], r.communeCode());
                out.writeStringProperty(COLUMNS[14], r.communeName());
                out.writeStringProperty(COLUMNS[15], r.provinceCode());
                out.writeStringProperty(COLUMNS[16], r.provinceName());
                out.writeName(COLUMNS[17]);
                if (r.priceMin() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(r.priceMin());
                }
                out.writeName(COLUMNS[18]);
                if (r.priceMax() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(r.priceMax());
                }
                out.writeStringProperty(COLUMNS[19], base + "/catalog/products/" + r.productId());
                out.writeEndObject();
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static void download(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
