package vn.ocop.product.spreadsheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One checked row, normalized, as staged between upload and confirmation: an element of the JSON array
 * {@code import_chunk.data}.
 *
 * @param productName {@code null} for a producer-only row (every product column blank)
 * @param present the optional product columns the file has (absent columns leave existing values alone)
 * @param issuedOn ISO date; {@code expiresOn} and {@code level} are already completed for certified ratings
 * @param producerPresent the producer attribute columns the file has ({@code ImportProducer.Field} names); rows
 *     staged before the attributes existed have {@code null} here and in the attributes
 */
record StagedRow(
        String taxCode,
        String legalType,
        String producerName,
        @Nullable String representative,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        String communeCode,
        boolean legacyLocation,
        @Nullable Boolean sme,
        @Nullable Boolean craftVillage,
        @Nullable String craftVillageName,
        @Nullable Boolean womenLed,
        @Nullable Boolean ethnicMinorityArea,
        @Nullable Integer members,
        @Nullable Integer employees,
        @Nullable Set<String> producerPresent,
        @Nullable String productName,
        @Nullable Integer criteriaSetNo,
        @Nullable String legacyClass,
        @Nullable String description,
        @Nullable String packaging,
        @Nullable BigDecimal priceMin,
        @Nullable BigDecimal priceMax,
        @Nullable String ocopCode,
        @Nullable Integer star,
        @Nullable String certificateNumber,
        @Nullable String issuedOn,
        @Nullable String expiresOn,
        @Nullable String level,
        List<String> links,
        Set<String> present) {}
