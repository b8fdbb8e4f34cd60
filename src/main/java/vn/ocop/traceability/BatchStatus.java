package vn.ocop.traceability;

import vn.ocop.shared.OcopException;

/** Where a batch of stamps stands. */
public enum BatchStatus {
    /** Generated and possibly printed, not yet on packs: a scan warns that the stamp is not activated. */
    CREATED,
    /** On packs in the market. */
    ACTIVE,
    /** Temporarily invalid (e.g. labels lost or stolen from the printer); scans show the message. */
    SUSPENDED,
    /** Withdrawn with its packs; scans show the recall message. Final. */
    RECALLED;

    /** The status after a change; {@code TRC-011} when the change is not possible from this status. */
    public BatchStatus after(StatusChange change) {
        return switch (change) {
            case ACTIVATE -> require(this == CREATED, ACTIVE);
            case SUSPEND -> require(this == ACTIVE, SUSPENDED);
            case REINSTATE -> require(this == SUSPENDED, ACTIVE);
            case RECALL -> require(this != RECALLED, RECALLED);
        };
    }

    private BatchStatus require(boolean allowed, BatchStatus next) {
        if (!allowed) {
            throw new OcopException(TraceabilityError.ILLEGAL_TRANSITION, name(), next.name());
        }
        return next;
    }
}
