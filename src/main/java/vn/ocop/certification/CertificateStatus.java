package vn.ocop.certification;

/** The state of a certificate as the public verification page reports it. */
public enum CertificateStatus {
    /** In force: issued, not expired, not revoked or suspended. */
    VALID,
    /** Temporarily suspended by the issuing authority. */
    SUSPENDED,
    /** Revoked by decision on one of the grounds of Art. 8 (see {@link RevocationGround}). */
    REVOKED,
    /** Past its 36 months. */
    EXPIRED,
    /** Replaced by a newer certificate of the same product (upgrade or re-evaluation). */
    SUPERSEDED
}
