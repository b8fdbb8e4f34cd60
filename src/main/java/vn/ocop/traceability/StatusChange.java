package vn.ocop.traceability;

/** What a producer or an officer does to a lot or a stamp batch. */
public enum StatusChange {
    /** A batch's labels are on packs: scans show them as genuine. Batches only. */
    ACTIVATE,
    /** Withhold for now, with a message for the public. */
    SUSPEND,
    /** Lift a suspension (one decided by an officer is lifted by an officer). */
    REINSTATE,
    /** Withdraw from the market for good, with a message for the public. */
    RECALL;

    /** Whether the change needs a message for the public. */
    public boolean needsMessage() {
        return this == SUSPEND || this == RECALL;
    }
}
