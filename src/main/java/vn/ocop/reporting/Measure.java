package vn.ocop.reporting;

import java.util.Set;

/**
 * What a target can measure: the vocabulary target types (rows of {@code report_target_type}) combine with a kind and
 * filters. A stock is counted on the last day of the period (or today, if earlier), a flow over the period.
 */
public enum Measure {
    /** Products with a certificate in force. Stars, legal type, flag and group apply. */
    CERTIFIED_PRODUCTS(true, true),
    /** Certificates issued. Stars, certificate kinds, legal type, flag and group apply. */
    CERTIFICATES_ISSUED(false, true),
    /** Products evaluated (their latest result in the period). Stars and group apply. */
    EVALUATED_PRODUCTS(false, true),
    /** Products proposed to the ministry for 5★. Group applies. */
    FIVE_STAR_PROPOSALS(false, true),
    /** Producers with a certified product in force. Legal type, flag, stars and group apply. */
    PRODUCERS_CERTIFIED(true, true),
    /** Craft villages named by producers. */
    CRAFT_VILLAGES(true, false),
    /** Craft villages with a producer holding a certified product. */
    CRAFT_VILLAGES_CERTIFIED(true, false),
    /** Support activities held. */
    SUPPORT_ACTIVITIES(false, false),
    /** Producers that benefited from support activities. */
    SUPPORTED_PRODUCERS(false, false),
    /** OCOP points of sale: kept by the public portal, not measured here yet. */
    POINTS_OF_SALE(true, false),
    /** Products with traceability stamps: kept by traceability, not measured here yet. */
    STAMPED_PRODUCTS(true, false);

    private final boolean stock;
    private final boolean byGroup;

    Measure(boolean stock, boolean byGroup) {
        this.stock = stock;
        this.byGroup = byGroup;
    }

    /** Counted on a day (rather than over a period). */
    public boolean stock() {
        return stock;
    }

    /** Whether a target of it can be broken down by product group. */
    public boolean byGroup() {
        return byGroup;
    }

    /** Whether the platform can count it yet. */
    public boolean measured() {
        return this != POINTS_OF_SALE && this != STAMPED_PRODUCTS;
    }

    /** The measures "at least N per commune" can count. */
    static final Set<Measure> PER_COMMUNE = Set.of(CERTIFIED_PRODUCTS, PRODUCERS_CERTIFIED);
}
