package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A scored criterion: a single choice among its options.
 *
 * @param code "1.1", "2.4", "6.1.1"…; unique in its set
 * @param group group heading, e.g. "1. TỔ CHỨC SẢN XUẤT"
 * @param note printed remarks ("Yêu cầu: …", "Chỉ áp dụng khi …"), or {@code null}
 * @param variants alternative cases the council chooses between (set 26), empty otherwise
 * @param gate the note under this criterion that stops the evaluation, or {@code null}
 */
public record CriterionDefinition(
        String code,
        String group,
        String name,
        BigDecimal maxPoints,
        @Nullable String note,
        List<String> variants,
        List<OptionDefinition> options,
        @Nullable GateRule gate) {

    /** A criterion without a gate. */
    public CriterionDefinition(
            String code,
            String group,
            String name,
            BigDecimal maxPoints,
            @Nullable String note,
            List<String> variants,
            List<OptionDefinition> options) {
        this(code, group, name, maxPoints, note, variants, options, null);
    }

    public Optional<OptionDefinition> option(int index) {
        return index >= 0 && index < options.size() ? Optional.of(options.get(index)) : Optional.empty();
    }

    /** The option carrying the marker for this star level, if the criterion has one. */
    public Optional<OptionDefinition> marker(int star, @Nullable String variant) {
        return options.stream()
                .filter(o -> o.minStarMarker() != null && o.minStarMarker() == star)
                .filter(o -> variant == null || o.variant() == null || variant.equals(o.variant()))
                .findFirst();
    }

    /** Whether any option of the criterion carries a star marker (a "mandatory" criterion). */
    public boolean mandatory() {
        return options.stream().anyMatch(o -> o.minStarMarker() != null);
    }
}
