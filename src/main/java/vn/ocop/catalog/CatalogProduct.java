package vn.ocop.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A product listed in the public catalog, as lists show it.
 *
 * @param photoId the product's first photo, or null
 */
public record CatalogProduct(
        long id,
        String name,
        long producerId,
        String producerName,
        String producerType,
        int criteriaSetNo,
        String criteriaSetName,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        int star,
        @Nullable String ocopCode,
        LocalDate certifiedOn,
        LocalDate expiresOn,
        @Nullable Long photoId) {}
