package vn.ocop.product.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.product.Classification;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductStatus;
import vn.ocop.product.ProductSummary;
import vn.ocop.product.ProductView;
import vn.ocop.shared.PageResult;

/** Products within the caller's jurisdiction, and the classification tree. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Products", description = "Sản phẩm OCOP")
@SecurityRequirement(name = "bearer")
class ProductApi {

    private final ProductRegistry registry;
    private final Classification classification;

    ProductApi(ProductRegistry registry, Classification classification) {
        this.registry = registry;
        this.classification = classification;
    }

    @GetMapping("/products")
    @Operation(
            summary = "Products, filtered and paged; q: every word in name, producer or OCOP code, accents optional;"
                    + " stars=0: not rated yet")
    PageResult<ProductSummary> list(
            @RequestParam(required = false) @Nullable @Size(max = 200) String q,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(required = false) @Nullable @Min(1) @Max(26) Integer criteriaSet,
            @RequestParam(required = false) @Nullable @Size(max = 10) String group,
            @RequestParam(required = false) @Nullable @Min(0) @Max(5) Integer stars,
            @RequestParam(required = false) @Nullable LegalType producerType,
            @RequestParam(required = false) @Nullable Long producer,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            CurrentUser actor) {
        return registry.search(
                new ProductQuery(q, province, commune, criteriaSet, group, stars, producerType, producer, status),
                page,
                size,
                actor);
    }

    @PostMapping("/products")
    @Operation(summary = "Register a product of a producer in the caller's jurisdiction (or the caller's own)")
    ResponseEntity<ProductView> register(@Valid @RequestBody ProductDetails details, CurrentUser actor) {
        ProductView created = registry.register(details, actor);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(created);
    }

    @GetMapping("/products/{id}")
    @Operation(summary = "One product")
    ProductView one(@PathVariable long id, CurrentUser actor) {
        return registry.get(id, actor);
    }

    /** An update: the new details and the version they were based on. */
    record ProductUpdate(
            @Valid @NotNull ProductDetails details, @NotNull Long version) {}

    @PutMapping("/products/{id}")
    @Operation(summary = "Change a product; 409 when `version` is not the current one")
    ProductView update(@PathVariable long id, @Valid @RequestBody ProductUpdate update, CurrentUser actor) {
        return registry.update(id, update.details(), update.version(), actor);
    }

    @PutMapping("/products/{id}/rating")
    @Operation(summary = "Record the current rating of a product certified before the platform (officers)")
    ProductView rating(@PathVariable long id, @Valid @RequestBody CurrentRating rating, CurrentUser actor) {
        return registry.recordRating(id, rating, actor);
    }

    @GetMapping("/product-classification")
    @Operation(summary = "The 26 criteria sets of the current classification with their sector and group")
    List<Classification.CriteriaSetInfo> classification() {
        return classification.criteriaSets();
    }

    @GetMapping("/product-classification/legacy")
    @Operation(summary = "The 1048/2019 sectors, for historic records")
    List<Classification.LegacyClass> legacyClasses() {
        return classification.legacyClasses();
    }
}
