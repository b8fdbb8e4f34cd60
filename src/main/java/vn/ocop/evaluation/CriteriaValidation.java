package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.CriterionDefinition;
import vn.ocop.evaluation.criteria.OptionDefinition;
import vn.ocop.evaluation.criteria.PartDefinition;
import vn.ocop.shared.OcopException;

/**
 * Checks a criteria set before it is stored: parts sum to their printed maximum, the total is 100, every criterion's
 * maximum is its best option, codes are unique, markers are 3–5. Problems are reported all at once.
 */
final class CriteriaValidation {

    private CriteriaValidation() {}

    static List<String> problems(CriteriaSetDefinition set) {
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (PartDefinition part : set.parts()) {
            if (part.criteriaMaximum().compareTo(part.maxPoints()) != 0) {
                problems.add("part %s: criteria sum %s, printed %s"
                        .formatted(part.code(), part.criteriaMaximum(), part.maxPoints()));
            }
            for (CriterionDefinition c : part.criteria()) {
                if (!codes.add(c.code())) {
                    problems.add("criterion " + c.code() + " appears twice");
                }
                BigDecimal best = c.options().stream()
                        .map(OptionDefinition::points)
                        .max(BigDecimal::compareTo)
                        .orElse(BigDecimal.ZERO);
                if (best.compareTo(c.maxPoints()) != 0) {
                    problems.add("criterion %s: best option %s, maximum %s".formatted(c.code(), best, c.maxPoints()));
                }
                c.options().stream()
                        .filter(o -> o.minStarMarker() != null && (o.minStarMarker() < 3 || o.minStarMarker() > 5))
                        .forEach(o ->
                                problems.add("criterion %s: star marker %d".formatted(c.code(), o.minStarMarker())));
            }
        }
        if (set.maxPoints().compareTo(new BigDecimal("100")) != 0) {
            problems.add("total " + set.maxPoints() + " instead of 100");
        }
        return problems;
    }

    static void check(CriteriaSetDefinition set) {
        List<String> problems = problems(set);
        if (!problems.isEmpty()) {
            throw new OcopException(EvaluationError.INVALID_CRITERIA_SET, set.setNo(), String.join("; ", problems));
        }
    }
}
