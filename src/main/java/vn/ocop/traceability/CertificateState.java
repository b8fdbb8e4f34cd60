package vn.ocop.traceability;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A product's OCOP certificate as a scan shows it: the newest certificate the platform issued for it, or the rating
 * imported for a certificate issued before the platform existed; {@link Source#NONE} when the product has neither.
 *
 * @param status the stored status; {@link #statusOn} adds expiry by date
 * @param revokedOn the day of revocation, when revoked
 */
public record CertificateState(
        Source source,
        @Nullable String number,
        @Nullable Integer star,
        @Nullable String level,
        @Nullable Status status,
        @Nullable LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        @Nullable LocalDate revokedOn) {

    /** Where the certificate is known from. */
    public enum Source {
        /** Issued on the platform: the certification module's live status, verifiable at /verify. */
        PLATFORM,
        /** Recorded on the product from an earlier paper certificate (no suspension or revocation possible here). */
        IMPORTED,
        /** No certificate on record. */
        NONE
    }

    /** The certification module's statuses, as the public sees them. */
    public enum Status {
        VALID,
        SUSPENDED,
        REVOKED,
        EXPIRED,
        SUPERSEDED
    }

    static final CertificateState NONE = new CertificateState(Source.NONE, null, null, null, null, null, null, null);

    /** The status on a day: a valid or suspended certificate past its last day has expired; null when there is none. */
    public @Nullable Status statusOn(LocalDate day) {
        if (status == null) {
            return null;
        }
        if ((status == Status.VALID || status == Status.SUSPENDED) && expiresOn != null && day.isAfter(expiresOn)) {
            return Status.EXPIRED;
        }
        return status;
    }

    /** Whether the certificate is in force on the day (a certified product may get lots and stamps). */
    public boolean inForceOn(LocalDate day) {
        return statusOn(day) == Status.VALID && star != null && star >= 3;
    }

    /** The star to show on the day: none unless the certificate is in force (hidden while suspended, Art. 8). */
    public @Nullable Integer visibleStar(LocalDate day) {
        return inForceOn(day) ? star : null;
    }
}
