package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scores against a criteria set. Pure functions, no I/O.
 *
 * <p>Rules implemented, with their source:
 *
 * <ul>
 *   <li>Total = sum of the chosen options' points; parts A/B/C likewise (26/2026 Art. 3.1, Phụ lục II).
 *   <li>Star by band on the total: half-open bands of {@link StarBands} (26/2026 Art. 3.2).
 *   <li>Star markers: an option marked ***, **** or ***** is the minimum for 3★, 4★ or 5★ ("Dấu sao là yêu cầu tối
 *       thiểu phải đạt theo các cấp độ sao", note under every sheet of Phụ lục II). We read the requirements as
 *       cumulative (s★ needs every marker of levels 3..s) and a missed marker as a cap, not a rejection: the final
 *       star is the lower of the band star and the highest level whose markers are all met (research note
 *       ocop-rules.md §3–4, open question 2). A marker is met when the points reached on the criterion are at least
 *       the marked option's points.
 *   <li>Council result: "tổng điểm trung bình" (26/2026 Art. 3.2) read as the arithmetic mean of the members'
 *       scoresheets, criterion by criterion; the total is the sum of those means and markers are checked on the
 *       means. Nothing is rounded before banding (69.999 is 3★).
 *   <li>Knock-out ("Hồ sơ bị loại khi", printed above each sheet): the evaluation ends without a star.
 * </ul>
 */
public final class ScoringEngine {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private ScoringEngine() {}

    /**
     * Scores one scoresheet.
     *
     * @param choices chosen option index by criterion code; criteria missing from the map are unanswered (0 points)
     * @throws IllegalArgumentException for an unknown criterion code or option index
     */
    public static ScoringResult score(
            CriteriaSetDefinition set, StarBands bands, Map<String, Integer> choices, @Nullable String knockout) {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        choices.forEach((code, index) -> {
            CriterionDefinition criterion =
                    set.criterion(code).orElseThrow(() -> new IllegalArgumentException("unknown criterion " + code));
            OptionDefinition option = criterion
                    .option(index)
                    .orElseThrow(() -> new IllegalArgumentException("criterion " + code + " has no option " + index));
            points.put(code, option.points());
        });
        return evaluate(set, bands, points, knockout);
    }

    /**
     * A council's result from its members' scoresheets: the mean points per criterion, then scored as one sheet.
     *
     * @throws IllegalArgumentException when there is no sheet
     */
    public static ScoringResult average(
            CriteriaSetDefinition set,
            StarBands bands,
            List<Map<String, Integer>> memberSheets,
            @Nullable String knockout) {
        if (memberSheets.isEmpty()) {
            throw new IllegalArgumentException("a council result needs at least one scoresheet");
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        set.criteria().forEach(c -> sums.put(c.code(), BigDecimal.ZERO));
        for (Map<String, Integer> sheet : memberSheets) {
            ScoringResult single = score(set, bands, sheet, null); // validates codes and indexes
            assert single != null;
            sheet.forEach((code, index) -> sums.merge(
                    code,
                    set.criterion(code)
                            .orElseThrow()
                            .option(index)
                            .orElseThrow()
                            .points(),
                    BigDecimal::add));
        }
        BigDecimal count = BigDecimal.valueOf(memberSheets.size());
        Map<String, BigDecimal> means = new LinkedHashMap<>();
        sums.forEach((code, sum) -> {
            boolean answeredBySomeone = memberSheets.stream().anyMatch(s -> s.containsKey(code));
            if (answeredBySomeone) {
                means.put(code, sum.divide(count, PRECISION));
            }
        });
        return evaluate(set, bands, means, knockout);
    }

    /** Scores points per criterion (already chosen or averaged). */
    static ScoringResult evaluate(
            CriteriaSetDefinition set, StarBands bands, Map<String, BigDecimal> points, @Nullable String knockout) {
        Map<String, BigDecimal> partTotals = new LinkedHashMap<>();
        List<String> unanswered = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (PartDefinition part : set.parts()) {
            BigDecimal partTotal = BigDecimal.ZERO;
            for (CriterionDefinition criterion : part.criteria()) {
                BigDecimal p = points.get(criterion.code());
                if (p == null) {
                    unanswered.add(criterion.code());
                } else {
                    partTotal = partTotal.add(p);
                }
            }
            partTotals.put(part.code(), partTotal);
            total = total.add(partTotal);
        }
        String stop = knockout != null ? knockout : gateStop(set, points);
        if (stop != null) {
            return new ScoringResult(total, partTotals, 0, 0, List.of(), unanswered, stop, null);
        }
        int bandStar = bands.starFor(total);
        int markerCap = 5;
        for (int level = 3; level <= 5; level++) {
            if (!unmetMarkers(set, points, level).isEmpty()) {
                markerCap = level - 1;
                break;
            }
        }
        int star = Math.min(bandStar, markerCap);
        List<ScoringResult.UnmetMarker> caps = new ArrayList<>();
        for (int level = star + 1; level <= bandStar; level++) {
            caps.addAll(unmetMarkers(set, points, level));
        }
        ScoringResult.NextStar next = null;
        if (star < 5) {
            int target = star + 1;
            BigDecimal short_ = bands.minimumFor(target).subtract(total).max(BigDecimal.ZERO);
            List<ScoringResult.UnmetMarker> missing = new ArrayList<>();
            for (int level = 3; level <= target; level++) {
                missing.addAll(unmetMarkers(set, points, level));
            }
            next = new ScoringResult.NextStar(target, short_, missing);
        }
        return new ScoringResult(total, partTotals, bandStar, star, caps, unanswered, null, next);
    }

    /**
     * The first gate whose criteria scored nothing (answered, zero points; for a council, a mean of zero: every member
     * found it), as "criterion: printed note"; {@code null} when the evaluation goes on.
     */
    private static @Nullable String gateStop(CriteriaSetDefinition set, Map<String, BigDecimal> points) {
        return set.criteria()
                .filter(c -> c.gate() != null)
                .filter(c -> c.gate().whenZero().stream().map(points::get).anyMatch(p -> p != null && p.signum() == 0))
                .map(c -> c.code() + ": " + c.gate().reason())
                .findFirst()
                .orElse(null);
    }

    private static List<ScoringResult.UnmetMarker> unmetMarkers(
            CriteriaSetDefinition set, Map<String, BigDecimal> points, int level) {
        List<ScoringResult.UnmetMarker> unmet = new ArrayList<>();
        set.criteria().forEach(criterion -> {
            Optional<OptionDefinition> marker = criterion.marker(level, null);
            if (marker.isPresent()) {
                BigDecimal actual = points.getOrDefault(criterion.code(), BigDecimal.ZERO);
                if (actual.compareTo(marker.get().points()) < 0) {
                    unmet.add(new ScoringResult.UnmetMarker(
                            level,
                            criterion.code(),
                            criterion.name(),
                            marker.get().points(),
                            actual,
                            marker.get().description()));
                }
            }
        });
        return unmet;
    }
}
