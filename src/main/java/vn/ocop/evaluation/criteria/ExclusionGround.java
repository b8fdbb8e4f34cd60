package vn.ocop.evaluation.criteria;

import org.jspecify.annotations.Nullable;

/**
 * A ground on which a dossier is excluded from the evaluation ("Hồ sơ bị loại khi …" above the sheet, or "Bị loại nếu
 * …" under a criterion), as the set prints it. A commune at its check or the council records one of them as the reason
 * of a knock-out.
 *
 * @param code a stable key ({@code FORGED}, {@code IDENTICAL_PRODUCT}, …)
 * @param text the ground as printed
 * @param criterion the criterion it is printed under, or {@code null} for the grounds above the sheet
 */
public record ExclusionGround(
        String code, String text, @Nullable String criterion) {}
