package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One criteria set of one version, e.g. set 9 "Tương, nước mắm, gia vị dạng lỏng khác" of version {@code 26-2026}:
 * the scoresheet itself ("Bộ tiêu chí … kiêm phiếu đánh giá").
 *
 * @param knockout the printed "Hồ sơ bị loại khi …" conditions, or {@code null} when none are printed
 * @param grounds the grounds of exclusion the set names (above the sheet and under its criteria), in that order
 */
public record CriteriaSetDefinition(
        String version,
        int setNo,
        String name,
        @Nullable String knockout,
        List<PartDefinition> parts,
        List<ExclusionGround> grounds) {

    /** A set without modelled grounds of exclusion. */
    public CriteriaSetDefinition(
            String version, int setNo, String name, @Nullable String knockout, List<PartDefinition> parts) {
        this(version, setNo, name, knockout, parts, List.of());
    }

    /** The ground with this code, if the set names it. */
    public Optional<ExclusionGround> ground(String code) {
        return grounds.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    public Stream<CriterionDefinition> criteria() {
        return parts.stream().flatMap(p -> p.criteria().stream());
    }

    public Optional<CriterionDefinition> criterion(String code) {
        return criteria().filter(c -> c.code().equals(code)).findFirst();
    }

    public BigDecimal maxPoints() {
        return parts.stream().map(PartDefinition::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
