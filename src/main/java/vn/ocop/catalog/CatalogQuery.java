package vn.ocop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What the public looks for in the catalog; everything optional.
 *
 * @param text words of the product's name, its producer's name or its OCOP code, with or without accents; a word not
 *     found may be a typo of a word that is (one letter wrong, missing or extra; two in longer words), and the last
 *     word may be one still being typed
 * @param groupCode a sector ({@code I}) or group ({@code I.4}) of the classification
 * @param criteriaSetNo a criteria set (1–26)
 * @param stars exactly this many stars (3, 4 or 5)
 * @param producerType a legal type ({@code COOPERATIVE}, …)
 */
public record CatalogQuery(
        @Nullable String text,
        @Nullable String provinceCode,
        @Nullable String communeCode,
        @Nullable String groupCode,
        @Nullable Integer criteriaSetNo,
        @Nullable Integer stars,
        @Nullable String producerType,
        @Nullable Long producerId,
        CatalogSort sort) {

    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null, null, null, null, CatalogSort.RELEVANCE);
    }

    /** Whether anything but the sort narrows the list. */
    public boolean filtered() {
        return (text != null && !text.isBlank())
                || provinceCode != null
                || communeCode != null
                || groupCode != null
                || criteriaSetNo != null
                || stars != null
                || producerType != null
                || producerId != null;
    }
}
