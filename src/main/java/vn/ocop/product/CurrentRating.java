package vn.ocop.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A product's current OCOP rating. 3★ and above carry a certificate (number, issue date, expiry 36 months later, the
 * issuing level); 1–2★ are rated but not certified.
 *
 * @param source {@code PLATFORM} when the rating came from an evaluation here, {@code IMPORTED} for earlier ones
 */
public record CurrentRating(
        @Min(1) @Max(5) int star,
        @Nullable String certificateNumber,
        @Nullable LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        @Nullable CertificationLevel level,
        @NotNull @Pattern(regexp = "PLATFORM|IMPORTED") String source) {

    /** Validity of a certificate: 36 months (Decision 26/2026/QĐ-TTg, Art. 4; same under 148/2023). */
    public static final int VALIDITY_MONTHS = 36;

    public boolean certified() {
        return star >= 3;
    }
}
