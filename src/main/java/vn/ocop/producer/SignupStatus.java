package vn.ocop.producer;

/** Where a producer's sign-up from the portal stands. */
public enum SignupStatus {
    /** Waiting for the commune officer (or the province's) to check it. */
    PENDING,
    /** Approved: the producer is registered and its first account is active. */
    APPROVED,
    /** Refused, with the reason the applicant reads. */
    REFUSED
}
