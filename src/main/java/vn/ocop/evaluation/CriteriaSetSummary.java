package vn.ocop.evaluation;

import java.math.BigDecimal;

/** One set of a version, for listings: how many criteria and how many of them carry star markers. */
public record CriteriaSetSummary(
        String version, int setNo, String name, BigDecimal maxPoints, int criteria, int mandatoryCriteria) {}
