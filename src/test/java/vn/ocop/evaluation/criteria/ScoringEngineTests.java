package vn.ocop.evaluation.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring engine on hand-computed cases. */
class ScoringEngineTests {

    private static final StarBands BANDS = StarBands.decision26of2026();

    // A set whose totals we control to the hundredth: A1 carries the points, B1 and C1 stay at 0 for band tests.
    private static final CriteriaSetDefinition FREE = set(
            part("A", 40, criterion("A1", 40, opts("0", "9.99", "10", "29.99", "30", "40"))),
            part("B", 25, criterion("B1", 25, opts("0", "9.99", "10", "19.99", "20", "25"))),
            part("C", 35, criterion("C1", 35, opts("0", "0.99", "10", "20", "35"))));

    // A set with star markers: M3 needs option 1 (2 points) for 3★, M4 option 2 (4 points) for 4★,
    // M5 option 3 (6 points) for 5★. P carries the rest of the points.
    private static final CriteriaSetDefinition MARKED = set(
            part("A", 40, criterion("P", 34, opts("0", "20", "24", "34")), marked("M3", 6, 3, 1)),
            part("B", 25, criterion("Q", 19, opts("0", "9", "19")), marked("M4", 6, 4, 2)),
            part("C", 35, criterion("R", 29, opts("0", "14", "24", "29")), marked("M5", 6, 5, 3)));

    @ParameterizedTest(name = "{0}+{1}+{2} = {3} points -> {4} star(s)")
    @CsvSource({
        // A option, B option, C option, total, star
        "3, 0, 0, 29.99, 1",
        "4, 0, 0, 30, 2",
        "4, 3, 0, 49.99, 2",
        "4, 4, 0, 50, 3",
        "5, 3, 2, 69.99, 3",
        "5, 4, 2, 70, 4",
        "5, 4, 1, 60.99, 3",
        "5, 5, 1, 65.99, 3",
        "3, 5, 4, 89.99, 4",
        "4, 5, 4, 90, 5",
        "5, 5, 3, 85, 4",
        "5, 5, 4, 100, 5"
    })
    void starFollowsTheHalfOpenBands(int a, int b, int c, String total, int star) {
        ScoringResult result = ScoringEngine.score(FREE, BANDS, Map.of("A1", a, "B1", b, "C1", c), null);
        assertThat(result.total()).isEqualByComparingTo(total);
        assertThat(result.star()).isEqualTo(star);
        assertThat(result.partTotals()).containsOnlyKeys("A", "B", "C");
    }

    @Test
    void bandEdgesExactly() {
        assertThat(BANDS.starFor(new BigDecimal("29.99"))).isEqualTo(1);
        assertThat(BANDS.starFor(new BigDecimal("30"))).isEqualTo(2);
        assertThat(BANDS.starFor(new BigDecimal("49.99"))).isEqualTo(2);
        assertThat(BANDS.starFor(new BigDecimal("50"))).isEqualTo(3);
        assertThat(BANDS.starFor(new BigDecimal("69.99"))).isEqualTo(3);
        assertThat(BANDS.starFor(new BigDecimal("69.999999"))).isEqualTo(3);
        assertThat(BANDS.starFor(new BigDecimal("70"))).isEqualTo(4);
        assertThat(BANDS.starFor(new BigDecimal("89.99"))).isEqualTo(4);
        assertThat(BANDS.starFor(new BigDecimal("90"))).isEqualTo(5);
        assertThat(BANDS.starFor(new BigDecimal("100"))).isEqualTo(5);
        assertThat(BANDS.starFor(BigDecimal.ZERO)).isEqualTo(1);
    }

    @Test
    void partSubtotalsAddUp() {
        ScoringResult result = ScoringEngine.score(FREE, BANDS, Map.of("A1", 5, "B1", 2, "C1", 3), null);
        assertThat(result.partTotals().get("A")).isEqualByComparingTo("40");
        assertThat(result.partTotals().get("B")).isEqualByComparingTo("10");
        assertThat(result.partTotals().get("C")).isEqualByComparingTo("20");
        assertThat(result.total()).isEqualByComparingTo("70");
    }

    @Test
    void anUnmetFourStarMarkerCapsABandFourAtThree() {
        // P 34 + M3 2 + Q 19 + M4 2 (needs 4) + R 14 + M5 0 = 71 -> band 4★, capped to 3★ by M4.
        ScoringResult result =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 3, "M3", 1, "Q", 2, "M4", 1, "R", 1, "M5", 0), null);
        assertThat(result.total()).isEqualByComparingTo("71");
        assertThat(result.bandStar()).isEqualTo(4);
        assertThat(result.star()).isEqualTo(3);
        assertThat(result.caps()).singleElement().satisfies(cap -> {
            assertThat(cap.criterionCode()).isEqualTo("M4");
            assertThat(cap.star()).isEqualTo(4);
            assertThat(cap.requiredPoints()).isEqualByComparingTo("4");
            assertThat(cap.actualPoints()).isEqualByComparingTo("2");
        });
    }

    @Test
    void markersAreCumulativeSoAMissedFourStarMarkerAlsoBlocksFiveStars() {
        // 34 + 2 + 19 + 2 + 29 + 6 = 92 -> band 5★; M5 met but M4 not: 3★.
        ScoringResult result =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 3, "M3", 1, "Q", 2, "M4", 1, "R", 3, "M5", 3), null);
        assertThat(result.bandStar()).isEqualTo(5);
        assertThat(result.star()).isEqualTo(3);
        assertThat(result.caps())
                .extracting(ScoringResult.UnmetMarker::criterionCode)
                .containsExactly("M4");
    }

    @Test
    void anUnmetThreeStarMarkerLeavesTwoStars() {
        // 34 + 0 + 19 + 6 + 29 + 6 = 94, but M3 (3★ minimum) is at 0.
        ScoringResult result =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 3, "M3", 0, "Q", 2, "M4", 3, "R", 3, "M5", 3), null);
        assertThat(result.star()).isEqualTo(2);
        assertThat(result.certifiable()).isFalse();
        assertThat(result.caps()).extracting(ScoringResult.UnmetMarker::star).containsExactly(3);
    }

    @Test
    void allMarkersMetKeepsTheBandStar() {
        ScoringResult result =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 3, "M3", 3, "Q", 2, "M4", 3, "R", 3, "M5", 3), null);
        assertThat(result.total()).isEqualByComparingTo("100");
        assertThat(result.star()).isEqualTo(5);
        assertThat(result.caps()).isEmpty();
        assertThat(result.nextStar()).isNull();
    }

    @Test
    void knockOutEndsWithoutAStar() {
        ScoringResult result = ScoringEngine.score(
                MARKED, BANDS, Map.of("P", 3, "M3", 3, "Q", 2, "M4", 3, "R", 3, "M5", 3), "Giả mạo hồ sơ");
        assertThat(result.knockedOut()).isTrue();
        assertThat(result.star()).isZero();
        assertThat(result.certifiable()).isFalse();
        assertThat(result.knockoutReason()).isEqualTo("Giả mạo hồ sơ");
    }

    @Test
    void councilResultIsTheMeanOfTheMembersSheetsCriterionByCriterion() {
        // Member totals 69.99 (A 29.99 + B 20 + C 20) and 70 (A 30 + B 20 + C 20): mean 69.995 -> 3★, not rounded up.
        Map<String, Integer> first = Map.of("A1", 3, "B1", 4, "C1", 3);
        Map<String, Integer> second = Map.of("A1", 4, "B1", 4, "C1", 3);
        ScoringResult council = ScoringEngine.average(FREE, BANDS, List.of(first, second), null);
        assertThat(council.total()).isEqualByComparingTo("69.995");
        assertThat(council.star()).isEqualTo(3);
        // Three members at 70, 70 and 100 average 80 -> 4★.
        ScoringResult three =
                ScoringEngine.average(FREE, BANDS, List.of(second, second, Map.of("A1", 5, "B1", 5, "C1", 4)), null);
        assertThat(three.total()).isEqualByComparingTo("80");
        assertThat(three.star()).isEqualTo(4);
    }

    @Test
    void markersOfACouncilAreCheckedOnTheMeanOfTheCriterion() {
        // M4 at 4 and 2 points: mean 3 < 4, so the 4★ marker is not met although one member gave 4.
        Map<String, Integer> a = Map.of("P", 3, "M3", 3, "Q", 2, "M4", 2, "R", 3, "M5", 3);
        Map<String, Integer> b = Map.of("P", 3, "M3", 3, "Q", 2, "M4", 1, "R", 3, "M5", 3);
        ScoringResult council = ScoringEngine.average(MARKED, BANDS, List.of(a, b), null);
        assertThat(council.bandStar()).isEqualTo(5);
        assertThat(council.star()).isEqualTo(3);
    }

    @Test
    void nextStarSaysHowManyPointsAndWhichMarkersAreMissing() {
        // 20 + 2 + 9 + 0 + 14 + 0 = 45 -> 2★; 3★ needs 5 more points; M3 is met.
        ScoringResult result =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 1, "M3", 1, "Q", 1, "M4", 0, "R", 1, "M5", 0), null);
        assertThat(result.star()).isEqualTo(2);
        assertThat(result.nextStar().star()).isEqualTo(3);
        assertThat(result.nextStar().pointsShort()).isEqualByComparingTo("5");
        assertThat(result.nextStar().unmetMarkers()).isEmpty();
        // Capped at 3★ by M4: 4★ needs no more points (band reached) but the M4 marker.
        ScoringResult capped =
                ScoringEngine.score(MARKED, BANDS, Map.of("P", 3, "M3", 1, "Q", 2, "M4", 1, "R", 1, "M5", 0), null);
        assertThat(capped.nextStar().star()).isEqualTo(4);
        assertThat(capped.nextStar().pointsShort()).isEqualByComparingTo("0");
        assertThat(capped.nextStar().unmetMarkers())
                .extracting(ScoringResult.UnmetMarker::criterionCode)
                .containsExactly("M4");
    }

    @Test
    void unansweredCriteriaCountZeroAndAreListed() {
        ScoringResult result = ScoringEngine.score(FREE, BANDS, Map.of("A1", 5), null);
        assertThat(result.total()).isEqualByComparingTo("40");
        assertThat(result.unanswered()).containsExactly("B1", "C1");
    }

    @Test
    void rejectsUnknownCriteriaAndOptions() {
        assertThatThrownBy(() -> ScoringEngine.score(FREE, BANDS, Map.of("Z9", 0), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Z9");
        assertThatThrownBy(() -> ScoringEngine.score(FREE, BANDS, Map.of("A1", 6), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoringEngine.score(FREE, BANDS, Map.of("A1", -1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoringEngine.average(FREE, BANDS, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- fixtures -------------------------------------------------------------------------------------------------

    private static CriteriaSetDefinition set(PartDefinition... parts) {
        return new CriteriaSetDefinition("test", 99, "Bộ thử", "Hồ sơ bị loại khi: giả mạo", List.of(parts));
    }

    private static PartDefinition part(String code, int max, CriterionDefinition... criteria) {
        return new PartDefinition(code, "Phần " + code, BigDecimal.valueOf(max), List.of(criteria));
    }

    private static CriterionDefinition criterion(String code, int max, List<OptionDefinition> options) {
        return new CriterionDefinition(
                code, "g", "Tiêu chí " + code, BigDecimal.valueOf(max), null, List.of(), options);
    }

    /** A 6-point criterion with options 0, 2, 4, 6 where option {@code markedIndex} is the minimum for {@code star}. */
    private static CriterionDefinition marked(String code, int max, int star, int markedIndex) {
        List<OptionDefinition> options = new ArrayList<>();
        String[] points = {"0", "2", "4", "6"};
        for (int i = 0; i < points.length; i++) {
            options.add(new OptionDefinition(
                    i, new BigDecimal(points[i]), "Mức " + i, i == markedIndex ? star : null, null));
        }
        return criterion(code, max, options);
    }

    private static List<OptionDefinition> opts(String... points) {
        List<OptionDefinition> options = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            options.add(new OptionDefinition(i, new BigDecimal(points[i]), "Mức " + i, null, null));
        }
        return options;
    }
}
