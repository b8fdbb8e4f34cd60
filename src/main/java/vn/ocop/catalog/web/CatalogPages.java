package vn.ocop.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.catalog.Catalog;
import vn.ocop.catalog.CatalogEntry;
import vn.ocop.catalog.CatalogError;
import vn.ocop.catalog.CatalogFigures;
import vn.ocop.catalog.CatalogProducer;
import vn.ocop.catalog.CatalogQuery;
import vn.ocop.catalog.CatalogResults;
import vn.ocop.catalog.CatalogSort;
import vn.ocop.catalog.PublicCaching;
import vn.ocop.catalog.PublicContent;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.ProvinceMap;
import vn.ocop.producer.LegalType;
import vn.ocop.product.Classification;
import vn.ocop.product.ClassificationTree;
import vn.ocop.product.PhotoFile;
import vn.ocop.product.ProductPhotos;
import vn.ocop.shared.OcopException;

/**
 * The public portal's pages: the home page, the catalog with its search and filters, product and producer pages, the
 * map, and the products' photos. No login, no session: every page is cacheable by a proxy and revalidated against
 * the catalog's version ({@link PublicCaching}).
 */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 24;

    private final Catalog catalog;
    private final PublicCaching caching;
    private final ProvinceMap map;
    private final AdminUnits units;
    private final Classification classification;
    private final ProductPhotos photos;
    private final List<PublicContent> contents;
    private final StructuredData structured;
    private volatile @Nullable ClassificationTree tree;

    CatalogPages(
            Catalog catalog,
            PublicCaching caching,
            ProvinceMap map,
            AdminUnits units,
            Classification classification,
            ProductPhotos photos,
            List<PublicContent> contents,
            StructuredData structured) {
        this.catalog = catalog;
        this.caching = caching;
        this.map = map;
        this.units = units;
        this.classification = classification;
        this.photos = photos;
        this.contents = contents;
        this.structured = structured;
    }

    @GetMapping("/")
    @Nullable
    String home(WebRequest request, HttpServletResponse response, Model model) {
        if (caching.notModified(request, response, "home")) {
            return null;
        }
        CatalogFigures figures = catalog.figures();
        model.addAttribute("figures", figures);
        model.addAttribute("featured", catalog.featured());
        mapModel(model, figures);
        model.addAttribute(
                "sections",
                contents.stream()
                        .map(PublicContent::homeSection)
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparingInt(PublicContent.Section::order))
                        .toList());
        return "catalog/home";
    }

    @GetMapping("/catalog")
    @Nullable
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable Integer criteriaSet,
            @RequestParam(required = false) @Nullable Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(defaultValue = "RELEVANCE") CatalogSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            WebRequest request,
            HttpServletResponse response,
            Model model) {
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        if (caching.notModified(request, response, fragment ? "results" : "list")) {
            return null;
        }
        String text = q == null || q.isBlank()
                ? null
                : q.strip().substring(0, Math.min(200, q.strip().length()));
        String selectedProvince = units.find(AdminEdition.CURRENT, blank(province))
                .filter(AdminUnit::isProvince)
                .map(AdminUnit::code)
                .orElse(null);
        List<AdminUnit> communes =
                selectedProvince == null ? List.of() : units.children(AdminEdition.CURRENT, selectedProvince);
        String selectedCommune = communes.stream()
                .map(AdminUnit::code)
                .filter(code -> code.equals(blank(commune)))
                .findFirst()
                .orElse(null);
        ClassificationTree tree = tree();
        String selectedGroup = tree.sectors().stream()
                .flatMap(s -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(s.code()),
                        s.groups().stream().map(ClassificationTree.Group::code)))
                .filter(code -> code.equals(blank(group)))
                .findFirst()
                .orElse(null);
        Integer set =
                criteriaSet != null && classification.criteriaSet(criteriaSet).isPresent() ? criteriaSet : null;
        if (stars != null && (stars < 3 || stars > 5)) {
            throw new OcopException(CatalogError.INVALID_QUERY, "stars");
        }
        int pageNo = Math.max(0, Math.min(page, Catalog.MAX_PAGE));
        CatalogResults results = catalog.search(
                new CatalogQuery(
                        text,
                        selectedProvince,
                        selectedCommune,
                        selectedGroup,
                        set,
                        stars,
                        producerType == null ? null : producerType.name(),
                        null,
                        sort),
                pageNo,
                PAGE_SIZE);
        String filters = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", Optional.ofNullable(text))
                .queryParamIfPresent("province", Optional.ofNullable(selectedProvince))
                .queryParamIfPresent("commune", Optional.ofNullable(selectedCommune))
                .queryParamIfPresent("group", Optional.ofNullable(selectedGroup))
                .queryParamIfPresent("criteriaSet", Optional.ofNullable(set))
                .queryParamIfPresent("stars", Optional.ofNullable(stars))
                .queryParamIfPresent("producerType", Optional.ofNullable(producerType))
                .queryParamIfPresent("sort", Optional.ofNullable(sort == CatalogSort.RELEVANCE ? null : sort))
                .encode()
                .build()
                .getQuery();
        String query = filters == null ? "" : filters;
        model.addAttribute("q", text);
        model.addAttribute("province", selectedProvince);
        model.addAttribute(
                "provinceName",
                selectedProvince == null
                        ? null
                        : units.getCurrent(selectedProvince).fullName());
        model.addAttribute("commune", selectedCommune);
        model.addAttribute("group", selectedGroup);
        model.addAttribute("criteriaSet", set);
        model.addAttribute("stars", stars);
        model.addAttribute("producerType", producerType);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", CatalogSort.values());
        model.addAttribute("provinces", units.list(AdminEdition.CURRENT, "province"));
        model.addAttribute("communes", communes);
        model.addAttribute("tree", tree);
        model.addAttribute("legalTypes", LegalType.values());
        model.addAttribute("results", results);
        model.addAttribute("result", results.page());
        model.addAttribute("pageUrl", "/catalog" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("apiUrl", "/api/v1/public/products" + (query.isEmpty() ? "" : "?" + query));
        return fragment ? "catalog/list :: results" : "catalog/list";
    }

    @GetMapping("/catalog/map")
    @Nullable
    String map(WebRequest request, HttpServletResponse response, Model model) {
        if (caching.notModified(request, response, "map")) {
            return null;
        }
        CatalogFigures figures = catalog.figures();
        model.addAttribute("figures", figures);
        mapModel(model, figures);
        return "catalog/map";
    }

    @GetMapping("/catalog/products/{id}")
    @Nullable
    String product(@PathVariable long id, WebRequest request, HttpServletResponse response, Model model) {
        CatalogEntry entry = catalog.entry(id).orElseThrow(() -> new OcopException(CatalogError.PRODUCT_NOT_FOUND, id));
        if (!entry.listed()) {
            // Gone from the catalog (revoked, suspended, expired): the page says so, with its history.
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        if (caching.notModified(request, response, "product")) {
            return null;
        }
        model.addAttribute("entry", entry);
        model.addAttribute("producer", entry.producer());
        model.addAttribute("today", catalog.today());
        model.addAttribute(
                "sections",
                entry.listed()
                        ? contents.stream()
                                .map(c -> c.productSection(
                                        entry.id(), entry.producer().id()))
                                .flatMap(Optional::stream)
                                .sorted(Comparator.comparingInt(PublicContent.Section::order))
                                .toList()
                        : List.of());
        model.addAttribute("jsonLd", entry.listed() ? structured.product(entry) : null);
        return "catalog/product";
    }

    @GetMapping("/catalog/producers/{id}")
    @Nullable
    String producer(@PathVariable long id, WebRequest request, HttpServletResponse response, Model model) {
        CatalogProducer producer =
                catalog.producer(id).orElseThrow(() -> new OcopException(CatalogError.PRODUCER_NOT_FOUND, id));
        if (caching.notModified(request, response, "producer")) {
            return null;
        }
        model.addAttribute("producer", producer);
        model.addAttribute("products", catalog.productsOf(id));
        return "catalog/producer";
    }

    @GetMapping("/catalog/products/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId, WebRequest request) {
        return photo(id, photoId, PhotoFile.Variant.ORIGINAL, request);
    }

    @GetMapping("/catalog/products/{id}/photos/{photoId}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable long id, @PathVariable long photoId, WebRequest request) {
        return photo(id, photoId, PhotoFile.Variant.THUMBNAIL, request);
    }

    private ResponseEntity<Resource> photo(long id, long photoId, PhotoFile.Variant variant, WebRequest request) {
        if (catalog.product(id).isEmpty()) {
            throw new OcopException(CatalogError.PRODUCT_NOT_FOUND, id);
        }
        return PublicPhotos.of(photos.publishedFile(id, photoId, variant), request);
    }

    /** The classification tree for the filters: reference data, built once. */
    private ClassificationTree tree() {
        ClassificationTree built = tree;
        if (built == null) {
            built = ClassificationTree.of(classification.criteriaSets());
            tree = built;
        }
        return built;
    }

    private void mapModel(Model model, CatalogFigures figures) {
        Map<String, String> names = catalog.provinceNames();
        Map<String, Long> counts = new LinkedHashMap<>();
        names.keySet().forEach(code -> counts.put(code, figures.byProvince().getOrDefault(code, 0L)));
        model.addAttribute("provinceMap", map);
        model.addAttribute("provinceCounts", counts);
        model.addAttribute("provinceSteps", ProvinceMap.steps(counts));
        model.addAttribute(
                "provinceRows",
                names.entrySet().stream()
                        .map(e -> new ProvinceRow(e.getKey(), e.getValue(), counts.get(e.getKey())))
                        .sorted(Comparator.comparing(
                                ProvinceRow::name,
                                java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))))
                        .toList());
    }

    /** A row of the map's table: a province and its listed products. */
    record ProvinceRow(String code, String name, long products) {}

    private static String blank(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
