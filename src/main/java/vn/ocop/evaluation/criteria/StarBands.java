package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Star bands of a criteria-set version: the star a total (or a council's average total) earns before star-marker
 * caps. Half-open intervals, because averages are fractional: 26/2026 Art. 3 and 148/2023 print 5★ 90–100,
 * 4★ 70 to under 90, 3★ 50 to under 70, 2★ 30 to under 50, 1★ under 30.
 */
public record StarBands(List<Band> bands) {

    /** {@code minInclusive <= total < maxExclusive} earns {@code star}; the top band includes its maximum. */
    public record Band(int star, BigDecimal minInclusive, BigDecimal maxExclusive) {}

    public static StarBands decision26of2026() {
        return new StarBands(List.of(
                new Band(1, new BigDecimal("0"), new BigDecimal("30")),
                new Band(2, new BigDecimal("30"), new BigDecimal("50")),
                new Band(3, new BigDecimal("50"), new BigDecimal("70")),
                new Band(4, new BigDecimal("70"), new BigDecimal("90")),
                new Band(5, new BigDecimal("90"), new BigDecimal("100"))));
    }

    public int starFor(BigDecimal total) {
        Band top = bands.stream().max(Comparator.comparingInt(Band::star)).orElseThrow();
        if (total.compareTo(top.minInclusive()) >= 0) {
            return top.star();
        }
        return bands.stream()
                .filter(b -> total.compareTo(b.minInclusive()) >= 0 && total.compareTo(b.maxExclusive()) < 0)
                .mapToInt(Band::star)
                .findFirst()
                .orElse(bands.stream().mapToInt(Band::star).min().orElse(1));
    }

    /** The lowest total that earns this star by band. */
    public BigDecimal minimumFor(int star) {
        return bands.stream()
                .filter(b -> b.star() == star)
                .map(Band::minInclusive)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no band for " + star));
    }
}
