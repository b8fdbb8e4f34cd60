package vn.ocop.traceability;

/**
 * The critical tracking events of a lot (TCVN 12850:2019, GS1 Global Traceability Standard), with the GS1 Core
 * Business Vocabulary business step and disposition its EPCIS 2.0 event carries.
 */
public enum LotEventType {
    /** Raw materials received from a grower or supplier. */
    RECEIVED("receiving", "in_progress"),
    /** Raw materials processed into the product of this lot (the lot comes into being). */
    PROCESSED("creating_class_instance", "active"),
    /** Packed into the packs that carry the stamps. */
    PACKED("packing", "active"),
    /** Inspected or tested (quality control, a laboratory test). */
    INSPECTED("inspecting", "active"),
    /** Stored (warehouse, cold store). */
    STORED("storing", "sellable_not_accessible"),
    /** Shipped to a distributor, a shop or a buyer. */
    SHIPPED("shipping", "in_transit");

    private final String bizStep;
    private final String disposition;

    LotEventType(String bizStep, String disposition) {
        this.bizStep = bizStep;
        this.disposition = disposition;
    }

    /** CBV 2.0 business step (bare word, as EPCIS 2.0 JSON-LD writes it). */
    public String bizStep() {
        return bizStep;
    }

    /** CBV 2.0 disposition after the event. */
    public String disposition() {
        return disposition;
    }
}
