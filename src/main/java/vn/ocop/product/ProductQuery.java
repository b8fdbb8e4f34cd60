package vn.ocop.product;

import org.jspecify.annotations.Nullable;
import vn.ocop.producer.LegalType;

/**
 * Filters of the product list; all optional. {@code text}: every word must occur in the product name, producer name
 * or OCOP code, ignoring accents and case. {@code groupCode} is a classification group such as {@code I.4};
 * {@code stars} an exact star level, {@code 0} for products not rated yet.
 */
public record ProductQuery(
        @Nullable String text,
        @Nullable String provinceCode,
        @Nullable String communeCode,
        @Nullable Integer criteriaSetNo,
        @Nullable String groupCode,
        @Nullable Integer stars,
        @Nullable LegalType producerType,
        @Nullable Long producerId,
        @Nullable ProductStatus status) {

    public static ProductQuery all() {
        return new ProductQuery(null, null, null, null, null, null, null, null, null);
    }
}
