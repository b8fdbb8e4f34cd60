package vn.ocop.evaluation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A version of the national criteria (one decision).
 *
 * @param status {@code CURRENT} (used for new evaluations; exactly one), {@code HISTORIC} (kept for old evaluations)
 *     or {@code DRAFT} (imported, not yet in force)
 */
public record CriteriaVersion(
        String code,
        String decision,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        String status,
        @Nullable String note,
        int setCount) {}
