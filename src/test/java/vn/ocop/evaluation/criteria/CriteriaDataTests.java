package vn.ocop.evaluation.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The criteria data shipped with the application: all 26 sets of 26/2026 and set 1 of 148/2023. */
class CriteriaDataTests {

    static List<CriteriaSetDefinition> sets2026() throws IOException {
        List<CriteriaSetDefinition> sets = new ArrayList<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath:db/data/criteria/26-2026/*.json")) {
            sets.add(CriteriaSetParser.parse(resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        return sets;
    }

    @Test
    void all26SetsLoadWithPartsOf40And25And35Points() throws IOException {
        List<CriteriaSetDefinition> sets = sets2026();
        assertThat(sets)
                .extracting(CriteriaSetDefinition::setNo)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList());
        List<String> disagreements = new ArrayList<>();
        Map<String, BigDecimal> printed =
                Map.of("A", new BigDecimal("40"), "B", new BigDecimal("25"), "C", new BigDecimal("35"));
        for (CriteriaSetDefinition set : sets) {
            assertThat(set.version()).isEqualTo("26-2026");
            for (PartDefinition part : set.parts()) {
                if (part.maxPoints().compareTo(printed.get(part.code())) != 0
                        || part.criteriaMaximum().compareTo(part.maxPoints()) != 0) {
                    disagreements.add("set %d part %s: printed %s, criteria sum %s"
                            .formatted(set.setNo(), part.code(), part.maxPoints(), part.criteriaMaximum()));
                }
            }
            if (set.maxPoints().compareTo(new BigDecimal("100")) != 0) {
                disagreements.add("set %d total %s".formatted(set.setNo(), set.maxPoints()));
            }
        }
        assertThat(disagreements)
                .as("sets whose data disagrees with the decision's totals")
                .isEmpty();
    }

    @Test
    void everyCriterionsMaximumIsItsBestOptionAndCodesAreUnique() throws IOException {
        for (CriteriaSetDefinition set : sets2026()) {
            Map<String, Integer> codes = new HashMap<>();
            set.criteria().forEach(c -> {
                codes.merge(c.code(), 1, Integer::sum);
                BigDecimal best = c.options().stream()
                        .map(OptionDefinition::points)
                        .max(BigDecimal::compareTo)
                        .orElseThrow();
                assertThat(best)
                        .as("set %d criterion %s", set.setNo(), c.code())
                        .isEqualByComparingTo(c.maxPoints());
            });
            assertThat(codes.values()).as("set %d codes", set.setNo()).allMatch(n -> n == 1);
        }
    }

    @Test
    void bestAnswersScoreOneHundredAndFiveStarsInEverySetButTheMarkerlessTourismCapsAtItsOwnMarkers()
            throws IOException {
        for (CriteriaSetDefinition set : sets2026()) {
            ScoringResult best = ScoringEngine.score(set, StarBands.decision26of2026(), bestChoices(set), null);
            assertThat(best.total()).as("set %d", set.setNo()).isEqualByComparingTo("100");
            assertThat(best.star()).as("set %d", set.setNo()).isEqualTo(5);
            assertThat(best.caps()).isEmpty();
        }
    }

    @Test
    void worstAnswersScoreOneStarAndMissTheThreeStarMarkers() throws IOException {
        CriteriaSetDefinition set1 =
                sets2026().stream().filter(s -> s.setNo() == 1).findFirst().orElseThrow();
        Map<String, Integer> worst = new HashMap<>();
        set1.criteria().forEach(c -> worst.put(c.code(), 0));
        ScoringResult result = ScoringEngine.score(set1, StarBands.decision26of2026(), worst, null);
        assertThat(result.star()).isEqualTo(1);
        assertThat(result.nextStar().unmetMarkers()).isEmpty(); // 2★ has no markers
        assertThat(set1.knockout()).startsWith("Hồ sơ bị loại khi");
        // Set 1 has 7 criteria with a 3★ marker (criteria data README).
        assertThat(set1.criteria().filter(c -> c.marker(3, null).isPresent())).hasSize(7);
    }

    @Test
    void historicSetOneOf148Of2023Loads() throws IOException {
        Resource resource = new PathMatchingResourcePatternResolver()
                .getResource("classpath:db/data/criteria/criteria-148-2023.json");
        CriteriaSetDefinition set = CriteriaSetParser.parse(resource.getContentAsString(StandardCharsets.UTF_8));
        assertThat(set.version()).isEqualTo("148-2023");
        assertThat(set.setNo()).isEqualTo(1);
        assertThat(set.parts()).extracting(PartDefinition::code).containsExactly("A", "B", "C");
        assertThat(set.maxPoints()).isEqualByComparingTo("100");
    }

    @Test
    void rejectsDocumentsThatAreNotCriteriaSets() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CriteriaSetParser.parse("{\"hello\": 1}"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CriteriaSetParser.parse("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Map<String, Integer> bestChoices(CriteriaSetDefinition set) {
        Map<String, Integer> choices = new HashMap<>();
        set.criteria().forEach(c -> {
            OptionDefinition best = c.options().stream()
                    .max(java.util.Comparator.comparing(OptionDefinition::points))
                    .orElseThrow();
            choices.put(c.code(), best.index());
        });
        return choices;
    }

    /** The shipped sets with the rules printed around them (what V48 stores). */
    static Map<Integer, CriteriaSetDefinition> setsWithRules2026() throws IOException {
        String rules = new org.springframework.core.io.ClassPathResource("db/data/criteria/rules/26-2026.json")
                .getContentAsString(StandardCharsets.UTF_8);
        Map<Integer, CriteriaSetDefinition> sets = new HashMap<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath:db/data/criteria/26-2026/*.json")) {
            CriteriaSetDefinition set = CriteriaSetParser.parse(
                    CriteriaRules.apply(resource.getContentAsString(StandardCharsets.UTF_8), rules));
            sets.put(set.setNo(), set);
        }
        return sets;
    }

    @Test
    void everySetNamesItsGroundsOfExclusionAsPrinted() throws IOException {
        Map<Integer, CriteriaSetDefinition> sets = setsWithRules2026();
        assertThat(sets.get(9).grounds())
                .extracting(ExclusionGround::code)
                .containsExactly("FORGED", "FOOD_SAFETY", "INCOMPLETE", "IDENTICAL_PRODUCT", "RAW_MATERIAL_IMPORTED");
        assertThat(sets.get(9).ground("RAW_MATERIAL_IMPORTED").orElseThrow().text())
                .isEqualTo("Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc");
        assertThat(sets.get(21).grounds())
                .extracting(ExclusionGround::code)
                .containsExactly("FORGED", "INCOMPLETE", "IP_VIOLATION");
        assertThat(sets.get(1).grounds())
                .extracting(ExclusionGround::code)
                .contains("COMMON_PRODUCT", "HAZARDOUS_IMPURITY");
        assertThat(sets.get(19).grounds())
                .extracting(ExclusionGround::code)
                .contains("PRODUCTION_CONDITIONS", "NO_PRODUCT_DECLARATION", "RAW_MATERIAL_IMPORTED");
        for (CriteriaSetDefinition set : sets.values()) {
            assertThat(set.grounds())
                    .as("set " + set.setNo())
                    .extracting(ExclusionGround::code)
                    .contains("FORGED");
        }
    }

    @Test
    void theNotesThatStopTheEvaluationAreGatesOfTheirSets() throws IOException {
        Map<Integer, CriteriaSetDefinition> sets = setsWithRules2026();
        GateRule set16 = sets.get(16).criterion("6.4").orElseThrow().gate();
        assertThat(set16.whenZero()).containsExactly("6.1", "6.2", "6.3", "6.4");
        assertThat(set16.reason()).contains("sẽ không đánh giá các bước tiếp theo");
        assertThat(sets.get(9).criterion("6.1").orElseThrow().gate().whenZero()).containsExactly("6.1");
        assertThat(sets.get(13).criterion("6.1.1").orElseThrow().gate()).isNotNull();
        assertThat(sets.get(20).criterion("6").orElseThrow().gate()).isNotNull();
        assertThat(sets.get(1).criteria().filter(c -> c.gate() != null)).isEmpty();
        assertThat(sets.get(26).criteria().filter(c -> c.gate() != null)).isEmpty();
    }

    @Test
    void foreignMatterInBottledWaterStopsTheEvaluationWithoutAStar() throws IOException {
        // Issue #13: set 16 with foreign matter scored 0 got 97 points and 5★.
        CriteriaSetDefinition set16 = setsWithRules2026().get(16);
        Map<String, Integer> best = new HashMap<>();
        set16.criteria().forEach(c -> best.put(c.code(), c.options().size() - 1));
        assertThat(ScoringEngine.score(set16, StarBands.decision26of2026(), best, null)
                        .star())
                .isEqualTo(5);
        best.put("6.1", 0);
        ScoringResult stopped = ScoringEngine.score(set16, StarBands.decision26of2026(), best, null);
        assertThat(stopped.star()).isZero();
        assertThat(stopped.certifiable()).isFalse();
        assertThat(stopped.knockoutReason()).startsWith("6.4: ").contains("không đánh giá các bước tiếp theo");
        // A council stops only when its mean is zero: every member found it.
        Map<String, Integer> other = new HashMap<>(best);
        other.put("6.1", set16.criterion("6.1").orElseThrow().options().size() - 1);
        assertThat(ScoringEngine.average(set16, StarBands.decision26of2026(), List.of(best, other), null)
                        .knockedOut())
                .isFalse();
        assertThat(ScoringEngine.average(set16, StarBands.decision26of2026(), List.of(best, best), null)
                        .knockedOut())
                .isTrue();
    }
}
