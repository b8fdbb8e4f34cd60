package vn.ocop.traceability;

import vn.ocop.shared.OcopException;

/** Where a production lot stands; the scan page shows it to everyone holding a pack. */
public enum LotStatus {
    /** On the market as recorded. */
    ACTIVE,
    /** Temporarily withheld (e.g. while a quality complaint is examined); scans show the message. */
    SUSPENDED,
    /** Withdrawn from the market; scans show the recall message. Final. */
    RECALLED;

    /** The status after a change; {@code TRC-011} when the change is not possible from this status. */
    public LotStatus after(StatusChange change) {
        return switch (change) {
            case SUSPEND -> require(this == ACTIVE, SUSPENDED);
            case REINSTATE -> require(this == SUSPENDED, ACTIVE);
            case RECALL -> require(this != RECALLED, RECALLED);
            case ACTIVATE -> throw new OcopException(TraceabilityError.ILLEGAL_TRANSITION, name(), change.name());
        };
    }

    private LotStatus require(boolean allowed, LotStatus next) {
        if (!allowed) {
            throw new OcopException(TraceabilityError.ILLEGAL_TRANSITION, name(), next.name());
        }
        return next;
    }
}
