package vn.ocop.trade;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.catalog.CatalogProduct;

/**
 * A point where OCOP products are shown and sold.
 *
 * @param kind {@code OCOP_POINT}: an OCOP display and sales point managed by its commune's or province's officers;
 *     {@code SHOP}: a producer's own shop, kept by the producer
 * @param products the listed products it stocks (products that left the catalog are not shown)
 */
public record PointOfSale(
        long id,
        String kind,
        @Nullable Long ownerProducerId,
        String name,
        String address,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        @Nullable String openingHours,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website,
        @Nullable String description,
        boolean open,
        List<CatalogProduct> products,
        Instant updatedAt,
        long version) {}
