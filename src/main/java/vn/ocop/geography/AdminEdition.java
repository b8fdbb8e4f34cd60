package vn.ocop.geography;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An official scheme of administrative units.
 *
 * @param code {@code 2025} (current) or {@code legacy}
 * @param validFrom first day in force; {@code null} when not recorded
 * @param validTo last day in force; {@code null} while current
 */
public record AdminEdition(
        String code,
        String nameVi,
        String nameEn,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        String legalBasis,
        boolean current) {

    public static final String CURRENT = "2025";
    public static final String LEGACY = "legacy";
}
