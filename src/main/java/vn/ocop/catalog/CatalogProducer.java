package vn.ocop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A producer as the public sees it: no tax code, no representative, no street address; phone and e-mail only when
 * the producer chose to publish them.
 */
public record CatalogProducer(
        long id,
        String name,
        String legalType,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        @Nullable String website,
        @Nullable String phone,
        @Nullable String email) {}
