package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a criterion ("□ …" on the printed sheet), identified by its position: the same points can appear
 * twice in one criterion (see the criteria data README), so never identify an option by its points.
 *
 * @param index position in the criterion's option list, from 0
 * @param minStarMarker 3, 4 or 5 when this option is the minimum a product must reach on this criterion for that star
 *     level ("Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao"); {@code null} otherwise
 * @param variant the case it belongs to when the criterion offers alternative cases (set 26), else {@code null}
 */
public record OptionDefinition(
        int index,
        BigDecimal points,
        String description,
        @Nullable Integer minStarMarker,
        @Nullable String variant) {}
