package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of scoring one scoresheet, or a council's average.
 *
 * @param total sum of the criteria's points (for a council: of the criteria's average points), not rounded
 * @param partTotals the same per part (A, B, C)
 * @param bandStar the star the total earns by band alone
 * @param star the final star: the lower of {@code bandStar} and the highest level whose star markers are all met;
 *     {@code 0} when knocked out
 * @param caps the unmet markers that lowered the star below {@code bandStar} (the reasons for the cap)
 * @param unanswered criteria without a choice (scored 0; a council member must answer all before submitting)
 * @param knockoutReason why the evaluation ended without a star: a ground of exclusion recorded for the dossier, or a
 *     gate of the set (a criterion whose zero stops the evaluation, "sẽ không đánh giá các bước tiếp theo"); {@code
 *     null} otherwise
 * @param nextStar what is missing for the next star, or {@code null} at 5★ or when knocked out
 */
public record ScoringResult(
        BigDecimal total,
        Map<String, BigDecimal> partTotals,
        int bandStar,
        int star,
        List<UnmetMarker> caps,
        List<String> unanswered,
        @Nullable String knockoutReason,
        @Nullable NextStar nextStar) {

    public boolean knockedOut() {
        return knockoutReason != null;
    }

    /** Certified levels are 3★ and above (Decision 26/2026/QĐ-TTg Art. 4.1.a: no decision below 3★). */
    public boolean certifiable() {
        return !knockedOut() && star >= 3;
    }

    /**
     * A star marker not reached.
     *
     * @param star the level whose minimum it is
     * @param requiredPoints the points of the marked option
     * @param actualPoints the points reached
     */
    public record UnmetMarker(
            int star,
            String criterionCode,
            String criterionName,
            BigDecimal requiredPoints,
            BigDecimal actualPoints,
            String requiredOption) {}

    /**
     * What a product lacks for {@code star}: more points overall (band), and the markers up to that level.
     *
     * @param pointsShort how many more points the total needs; zero when the band is already reached
     */
    public record NextStar(int star, BigDecimal pointsShort, List<UnmetMarker> unmetMarkers) {}
}
