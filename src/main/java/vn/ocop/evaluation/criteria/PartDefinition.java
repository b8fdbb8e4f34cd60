package vn.ocop.evaluation.criteria;

import java.math.BigDecimal;
import java.util.List;

/** Part A, B or C of a criteria set with its printed maximum and its criteria. */
public record PartDefinition(String code, String name, BigDecimal maxPoints, List<CriterionDefinition> criteria) {

    /** Sum of the criteria's maximum points; must equal {@link #maxPoints()} for valid data. */
    public BigDecimal criteriaMaximum() {
        return criteria.stream().map(CriterionDefinition::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
