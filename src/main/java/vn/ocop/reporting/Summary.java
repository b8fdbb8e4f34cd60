package vn.ocop.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The programme's figures for one unit: stocks on {@code asOf} (certified products in force, producers with one, craft
 * villages, dossiers by stage) and flows over {@code period} (certificates issued, expired and revoked, evaluations, 5★
 * proposals, support). Maps keyed by star ({@code "3"}, {@code "4"}, {@code "5"}) or legal type always have every key,
 * with 0 where there is nothing. Shares are percentages of the stated denominator with 4 decimals (rounded half up),
 * 0 when the denominator is 0.
 */
public record Summary(
        ReportUnit unit,
        LocalDate asOf,
        Period period,
        CertifiedProducts certifiedProducts,
        Producers producers,
        CraftVillages craftVillages,
        Certificates certificates,
        Evaluations evaluations,
        long fiveStarProposals,
        Map<String, Long> dossiersByStage,
        Support support) {

    /** First and last day of a period, both included. */
    public record Period(LocalDate from, LocalDate to) {}

    /**
     * Products with a certificate in force on {@code asOf} (not expired, revoked, superseded or suspended).
     *
     * @param shareByStar of {@code total}
     * @param byLegalType by the legal type of their producer
     */
    public record CertifiedProducts(
            long total,
            Map<String, Long> byStar,
            Map<String, BigDecimal> shareByStar,
            Map<String, Long> byLegalType,
            List<GroupCount> byGroup,
            List<SetCount> byCriteriaSet) {}

    /** A product group (Decision 26/2026/QĐ-TTg, Phụ lục I) and how many certified products it has. */
    public record GroupCount(String code, String name, long count) {}

    /** A criteria set and how many certified products it has. */
    public record SetCount(int setNo, String name, String groupCode, long count) {}

    /**
     * Producers with at least one certified product in force on {@code asOf}.
     *
     * @param shareByLegalType of {@code withCertifiedProducts}
     * @param byFlag {@code SME}, {@code CRAFT_VILLAGE}, {@code WOMEN_LED}, {@code ETHNIC_MINORITY_AREA}
     * @param shareByFlag of {@code withCertifiedProducts}
     */
    public record Producers(
            long withCertifiedProducts,
            Map<String, Long> byLegalType,
            Map<String, BigDecimal> shareByLegalType,
            Map<String, Long> byFlag,
            Map<String, BigDecimal> shareByFlag) {}

    /**
     * Craft villages named by producers of the unit (active or suspended ones), and those with a producer holding a
     * certified product; {@code share} is the second of the first.
     */
    public record CraftVillages(long known, long withCertifiedProducts, BigDecimal share) {}

    /**
     * Certificates over the period: issued (split into new, upgraded and re-evaluated), expired (their last day in the
     * period, in force until then) and revoked (decided in the period).
     */
    public record Certificates(
            long issued,
            long newlyCertified,
            long upgraded,
            long reevaluated,
            Map<String, Long> issuedByStar,
            long expired,
            long revoked) {}

    /**
     * Products evaluated in the period (council results on the platform and imported ratings; a product rated twice
     * counts once, with its latest result), by star 1–5, and those reaching 3★ or more.
     */
    public record Evaluations(
            long products, Map<String, Long> byStar, long reachingThreeStars, BigDecimal shareReachingThreeStars) {}

    /** Support activities held in the period in the unit, their budget, and the producers and products supported. */
    public record Support(long activities, BigDecimal budget, long producers, long products) {}
}
