package vn.ocop.traceability;

import org.jspecify.annotations.Nullable;

/**
 * What a scan found, decided when it happens and kept in the scan log. The most serious finding wins: a recall
 * before a suspension, a stamp problem before a certificate problem.
 */
public enum ScanOutcome {
    /** A known, active stamp of a lot on the market, of a product whose certificate is in force. */
    GENUINE,
    /** Input that is not a stamp code (typo, another system's code). */
    MALFORMED,
    /** A well-formed code that no stamp has: a copied or invented stamp, or a mistyped one the check missed. */
    UNKNOWN,
    /** A stamp of a batch not yet activated (labels lost or taken from the printer?). */
    INACTIVE,
    /** A stamp of a suspended batch or lot. */
    SUSPENDED,
    /** A stamp of a recalled batch or lot. */
    RECALLED,
    /** The product's OCOP certificate is suspended. */
    CERT_SUSPENDED,
    /** The product's OCOP certificate was revoked. */
    CERT_REVOKED,
    /** The product's OCOP certificate expired. */
    CERT_EXPIRED,
    /** The product has no OCOP certificate on record (any more). */
    NO_CERTIFICATE;

    /** The outcome of a scan of a known stamp. */
    static ScanOutcome of(LotStatus lot, BatchStatus batch, CertificateState.@Nullable Status certificate) {
        if (lot == LotStatus.RECALLED || batch == BatchStatus.RECALLED) {
            return RECALLED;
        }
        if (lot == LotStatus.SUSPENDED || batch == BatchStatus.SUSPENDED) {
            return SUSPENDED;
        }
        if (batch == BatchStatus.CREATED) {
            return INACTIVE;
        }
        if (certificate == null) {
            return NO_CERTIFICATE;
        }
        return switch (certificate) {
            case VALID -> GENUINE;
            case SUSPENDED -> CERT_SUSPENDED;
            case REVOKED -> CERT_REVOKED;
            case EXPIRED, SUPERSEDED -> CERT_EXPIRED;
        };
    }

    /** Whether the outcome is a problem of the certificate (the star is not shown). */
    public boolean certificateProblem() {
        return this == CERT_SUSPENDED || this == CERT_REVOKED || this == CERT_EXPIRED || this == NO_CERTIFICATE;
    }
}
