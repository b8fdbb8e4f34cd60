package vn.ocop.product;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of the product list. */
public record ProductSummary(
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
        @Nullable Integer star,
        @Nullable String certificateNumber,
        @Nullable LocalDate certificateExpiresOn,
        @Nullable String ocopCode,
        ProductStatus status) {}
