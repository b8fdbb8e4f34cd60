package vn.ocop.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogEntry;
import vn.ocop.catalog.CatalogError;
import vn.ocop.catalog.CatalogProducer;
import vn.ocop.catalog.CatalogProduct;
import vn.ocop.catalog.CatalogQuery;
import vn.ocop.catalog.CatalogResults;
import vn.ocop.catalog.CatalogSort;
import vn.ocop.catalog.PublicCaching;
import vn.ocop.certification.CertificateTimeline.StatusChange;
import vn.ocop.producer.LegalType;
import vn.ocop.shared.OcopException;

/**
 * The public catalog as open data: no login, the same filters as the catalog page, paged; validators and cache
 * headers as on the pages. A producer's phone and e-mail appear only when the producer chose to publish them.
 */
@RestController
@Validated
@RequestMapping("/api/v1/public")
@Tag(name = "Public catalog", description = "Danh mục sản phẩm OCOP công khai, không cần đăng nhập")
class CatalogApi {

    private final Catalog catalog;
    private final PublicCaching caching;

    CatalogApi(Catalog catalog, PublicCaching caching) {
        this.catalog = catalog;
        this.caching = caching;
    }

    /** A listed product in the open data. */
    record PublicProduct(
            long id,
            String name,
            String url,
            int star,
            @Nullable String ocopCode,
            LocalDate certifiedOn,
            LocalDate certificateValidUntil,
            int criteriaSetNo,
            String criteriaSetName,
            long producerId,
            String producerName,
            String producerType,
            String communeCode,
            String communeName,
            String provinceCode,
            String provinceName,
            @Nullable String photoUrl) {}

    /** One page of the open data. */
    record PublicPage(
            List<PublicProduct> items,
            int page,
            int size,
            long total,
            boolean totalAtLeast,
            Map<String, List<String>> corrections) {}

    /** A product with its public details and status history; {@code listed} false once it left the catalog. */
    record PublicProductDetails(
            long id,
            String name,
            String url,
            boolean listed,
            @Nullable Integer star,
            @Nullable String certificateNumber,
            @Nullable String certificateLevel,
            @Nullable LocalDate certifiedOn,
            @Nullable LocalDate certificateValidUntil,
            @Nullable String verificationUrl,
            @Nullable String ocopCode,
            int criteriaSetNo,
            String criteriaSetName,
            String groupName,
            String sectorName,
            @Nullable String description,
            @Nullable String ingredients,
            @Nullable String rawMaterialArea,
            @Nullable String standards,
            @Nullable String packaging,
            @Nullable BigDecimal priceMin,
            @Nullable BigDecimal priceMax,
            @Nullable String shelfLife,
            List<CatalogEntry.Link> links,
            List<String> photoUrls,
            CatalogProducer producer,
            List<StatusChange> history) {}

    /** A province and its listed products (the map's numbers). */
    record ProvinceFigure(String code, String name, long products) {}

    @GetMapping("/products")
    @Operation(
            summary = "Listed OCOP products (certificate in force), filtered and paged",
            description = "q: words of the name, producer or OCOP code, accents optional, typos tolerated; group: a"
                    + " sector (I) or group (I.4); stars: 3, 4 or 5; sort: RELEVANCE, STARS, NAME, NEWEST. Sends an"
                    + " ETag: ask again with If-None-Match for a 304 while nothing changed.")
    @Nullable
    PublicPage products(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable @Size(max = 10) String province,
            @RequestParam(required = false) @Nullable @Size(max = 10) String commune,
            @RequestParam(required = false) @Nullable @Size(max = 10) String group,
            @RequestParam(required = false) @Nullable @Min(1) @Max(26) Integer criteriaSet,
            @RequestParam(required = false) @Nullable @Min(3) @Max(5) Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(defaultValue = "RELEVANCE") CatalogSort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Catalog.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Catalog.MAX_PAGE_SIZE) int size,
            WebRequest request,
            HttpServletResponse response) {
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        CatalogResults results = catalog.search(
                new CatalogQuery(
                        q,
                        province,
                        commune,
                        group,
                        criteriaSet,
                        stars,
                        producerType == null ? null : producerType.name(),
                        null,
                        sort),
                page,
                size);
        String base = base();
        return new PublicPage(
                results.page().items().stream().map(p -> publicProduct(p, base)).toList(),
                page,
                size,
                results.page().total(),
                results.page().totalAtLeast(),
                results.corrections());
    }

    @GetMapping("/products/{id}")
    @Operation(
            summary = "A product that is or was in the catalog, with its public status history",
            description = "404 for a product that never held a certificate.")
    @Nullable
    PublicProductDetails product(@PathVariable long id, WebRequest request, HttpServletResponse response) {
        CatalogEntry e = catalog.entry(id).orElseThrow(() -> new OcopException(CatalogError.PRODUCT_NOT_FOUND, id));
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        String base = base();
        String url = base + "/catalog/products/" + e.id();
        return new PublicProductDetails(
                e.id(),
                e.name(),
                url,
                e.listed(),
                e.star(),
                e.certificateNumber(),
                e.certificateLevel(),
                e.certifiedOn(),
                e.expiresOn(),
                e.verifiable() ? base + "/verify/" + e.certificateNumber() : null,
                e.ocopCode(),
                e.criteriaSetNo(),
                e.criteriaSetName(),
                e.groupName(),
                e.sectorName(),
                e.description(),
                e.ingredients(),
                e.rawMaterialArea(),
                e.standards(),
                e.packaging(),
                e.priceMin(),
                e.priceMax(),
                e.shelfLife(),
                e.links(),
                e.photoIds().stream().map(p -> url + "/photos/" + p).toList(),
                e.producer(),
                e.history());
    }

    /** A producer with listed products, and those products. */
    record PublicProducer(CatalogProducer producer, List<PublicProduct> products) {}

    @GetMapping("/producers/{id}")
    @Operation(summary = "A producer with listed products, and its listed products")
    @Nullable
    PublicProducer producer(@PathVariable long id, WebRequest request, HttpServletResponse response) {
        CatalogProducer producer =
                catalog.producer(id).orElseThrow(() -> new OcopException(CatalogError.PRODUCER_NOT_FOUND, id));
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        String base = base();
        return new PublicProducer(
                producer,
                catalog.productsOf(id).stream().map(p -> publicProduct(p, base)).toList());
    }

    @GetMapping("/provinces")
    @Operation(summary = "Listed products per province (34 provinces of the current scheme)")
    @Nullable
    List<ProvinceFigure> provinces(WebRequest request, HttpServletResponse response) {
        if (caching.notModified(request, response, "json")) {
            return null;
        }
        Map<String, Long> counts = catalog.figures().byProvince();
        return catalog.provinceNames().entrySet().stream()
                .map(e -> new ProvinceFigure(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    private static PublicProduct publicProduct(CatalogProduct p, String base) {
        String url = base + "/catalog/products/" + p.id();
        return new PublicProduct(
                p.id(),
                p.name(),
                url,
                p.star(),
                p.ocopCode(),
                p.certifiedOn(),
                p.expiresOn(),
                p.criteriaSetNo(),
                p.criteriaSetName(),
                p.producerId(),
                p.producerName(),
                p.producerType(),
                p.communeCode(),
                p.communeName(),
                p.provinceCode(),
                p.provinceName(),
                p.photoId() == null ? null : url + "/photos/" + p.photoId() + "/thumbnail");
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
