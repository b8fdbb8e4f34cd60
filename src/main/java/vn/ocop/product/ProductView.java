package vn.ocop.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product with its classification, location and current rating; {@code version} is needed to update it.
 *
 * @param rating the rating in force (its certificate not expired, suspended or revoked), or {@code null}
 * @param lastCertificate the last certificate the product held, whether or not still in force, or {@code null}
 */
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
        long version,
        @Nullable LastCertificate lastCertificate) {

    /**
     * A certificate the product held.
     *
     * @param source {@code PLATFORM} when the platform issued it, {@code IMPORTED} for a province's earlier records
     * @param inForce whether it is the product's rating today (else it expired, or was suspended or revoked)
     */
    public record LastCertificate(
            int star,
            String number,
            @Nullable CertificationLevel level,
            java.time.@Nullable LocalDate issuedOn,
            java.time.@Nullable LocalDate expiresOn,
            String source,
            boolean inForce) {}
}
