package vn.ocop.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.certification.CertificateTimeline.StatusChange;

/**
 * A product of the catalog with everything its public page shows. A product that held a certificate and no longer
 * does (revoked, suspended, expired) is still an entry, not {@code listed}, so that its page can say so and show its
 * history; its rating fields are then null.
 *
 * @param listed whether the product is in the catalog today (certificate in force, product still made)
 * @param verifiable whether the certificate was issued on this platform, so {@code /verify/{number}} checks it
 * @param history the certificate's public status history, oldest first
 */
public record CatalogEntry(
        long id,
        String name,
        boolean listed,
        @Nullable Integer star,
        @Nullable String certificateNumber,
        @Nullable String certificateLevel,
        @Nullable LocalDate certifiedOn,
        @Nullable LocalDate expiresOn,
        boolean verifiable,
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
        List<Link> links,
        List<Long> photoIds,
        CatalogProducer producer,
        List<StatusChange> history,
        Instant updatedAt) {

    /** A listing of the product on an e-commerce site. */
    public record Link(String platform, String url) {}
}
