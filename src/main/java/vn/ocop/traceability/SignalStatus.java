package vn.ocop.traceability;

/** Where a signal stands. */
public enum SignalStatus {
    /** Waiting for an officer. */
    OPEN,
    /** Looked at: no issue (e.g. a shop's demo pack scanned by many customers). */
    DISMISSED,
    /** Looked at: a real problem, followed up outside the platform (inspection, market surveillance). */
    CONFIRMED
}
