package vn.ocop.certification;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An OCOP certificate as stored. Valid through the end of {@code expiresOn}: 36 months after the issue date, counted
 * as the Civil Code counts months (Bộ luật Dân sự 2015, Art. 147–148: the period ends on the same day of the last
 * month, or on that month's last day when it has no such day), e.g. issued 31/1/2026 → valid until 31/1/2029;
 * issued 29/2/2028 → valid until 28/2/2031.
 */
public record Certificate(
        long id,
        String number,
        String decisionNumber,
        LocalDate decidedOn,
        String authority,
        long productId,
        long producerId,
        @Nullable Long dossierId,
        String kind,
        int star,
        String level,
        String productName,
        String producerName,
        String ocopCode,
        String communeCode,
        String provinceCode,
        LocalDate issuedOn,
        LocalDate expiresOn,
        CertificateStatus storedStatus,
        String signature,
        @Nullable RevocationGround revocationGround,
        @Nullable String revocationDecision,
        @Nullable LocalDate revokedOn) {

    /** Months of validity (Decision 26/2026/QĐ-TTg Art. 4; the same under 148/2023). */
    public static final int VALIDITY_MONTHS = 36;

    public static LocalDate expiryFor(LocalDate issuedOn) {
        return issuedOn.plusMonths(VALIDITY_MONTHS);
    }

    /** The status on a given day: a stored VALID or SUSPENDED certificate past its last day is EXPIRED. */
    public CertificateStatus statusOn(LocalDate today) {
        if ((storedStatus == CertificateStatus.VALID || storedStatus == CertificateStatus.SUSPENDED)
                && today.isAfter(expiresOn)) {
            return CertificateStatus.EXPIRED;
        }
        return storedStatus;
    }

    /** The canonical content the signature covers; any change to these facts breaks the signature. */
    public String signedContent() {
        return String.join(
                "|",
                "OCOP-CERT-1",
                number,
                productName,
                producerName,
                ocopCode,
                Integer.toString(star),
                level,
                issuedOn.toString(),
                expiresOn.toString(),
                decisionNumber);
    }
}
