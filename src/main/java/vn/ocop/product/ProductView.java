package vn.ocop.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A product with its classification, location and current rating; {@code version} is needed to update it. */
public record ProductView(
        long id,
        long producerId,
        String producerName,
        String name,
        String classificationVersion,
        int criteriaSetNo,
        String criteriaSetName,
        String groupName,
        String sectorName,
        @Nullable String legacyClass,
        @Nullable String description,
        @Nullable String ingredients,
        @Nullable String rawMaterialArea,
        @Nullable String standards,
        @Nullable String packaging,
        @Nullable BigDecimal priceMin,
        @Nullable BigDecimal priceMax,
        @Nullable String shelfLife,
        ProductStatus status,
        @Nullable String ocopCode,
        @Nullable CurrentRating rating,
        String communeCode,
        String provinceCode,
        List<ProductDetails.Link> links,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
