package vn.ocop.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A support activity as read, with its beneficiaries and what became of the products supported; {@code version} is
 * needed to change it.
 */
public record SupportActivityView(
        long id,
        SupportKind kind,
        String title,
        LocalDate heldOn,
        @Nullable LocalDate endsOn,
        ReportUnit unit,
        @Nullable BigDecimal budget,
        @Nullable FundingSource fundingSource,
        @Nullable String fundingNote,
        @Nullable String description,
        List<Beneficiary> beneficiaries,
        String createdBy,
        Instant createdAt,
        long version) {

    /**
     * A producer (and one of its products, or {@code null} for the producer as a whole) that benefited.
     *
     * @param outcome the first certificate of the product issued from the activity's first day on, new or upgrade;
     *     {@code null} when none (yet)
     */
    public record Beneficiary(
            long producerId,
            String producerName,
            @Nullable Long productId,
            @Nullable String productName,
            @Nullable Outcome outcome) {}

    /** A certificate that followed the support: {@code NEW} (certified) or {@code UPGRADE} (more stars). */
    public record Outcome(String kind, int star, LocalDate issuedOn) {}
}
