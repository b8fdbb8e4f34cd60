package vn.ocop.certification;

import java.time.LocalDate;
import java.util.List;
import vn.ocop.shared.AuditableEvent;

/** Facts the certification module announces, for catalog, traceability, reporting and audit. */
public final class CertificationEvents {

    private CertificationEvents() {}

    /** A certificate's event, told to the audit trail by its number and the commune of its product. */
    public interface CertificateEvent extends AuditableEvent {

        String number();

        String communeCode();

        @Override
        default String auditObjectType() {
            return "certificate";
        }

        @Override
        default String auditObjectId() {
            return number();
        }

        @Override
        default String auditLocation() {
            return communeCode();
        }
    }

    /**
     * A certificate was issued; {@code kind} is {@code NEW}, {@code UPGRADE} (more stars than the certificate it
     * replaces) or {@code REEVALUATION}. A certificate in force of the same product is superseded by it.
     */
    public record CertificateIssued(
            String number,
            long productId,
            int star,
            String level,
            LocalDate issuedOn,
            LocalDate expiresOn,
            String communeCode,
            String kind)
            implements CertificateEvent {
        @Override
        public String auditAction() {
            return "certificate.issued";
        }

        @Override
        public String auditSummary() {
            return "product=" + productId + ", " + star + "★, " + level + ", " + issuedOn + " → " + expiresOn;
        }
    }

    public record CertificateExpired(String number, long productId, LocalDate expiredOn, String communeCode)
            implements CertificateEvent {
        @Override
        public String auditAction() {
            return "certificate.expired";
        }

        @Override
        public String auditSummary() {
            return "expired after " + expiredOn;
        }
    }

    /**
     * Expiry reminders went out for a certificate (see {@link ExpiryReminders}): {@code thresholdDays} before its last
     * day, to {@code recipients} users; {@code skipped} lists thresholds passed before it was first seen, never sent.
     */
    public record CertificateExpiryReminded(
            String number,
            int thresholdDays,
            LocalDate expiresOn,
            int recipients,
            List<Integer> skipped,
            String communeCode)
            implements CertificateEvent {
        @Override
        public String auditAction() {
            return "certificate.expiry-reminded";
        }

        @Override
        public String auditSummary() {
            return thresholdDays + " days before expiry on " + expiresOn + ": " + recipients + " recipients"
                    + (skipped.isEmpty() ? "" : " (passed unsent: " + skipped + ")");
        }
    }

    public record CertificateRevoked(
            String number,
            long productId,
            RevocationGround ground,
            String decision,
            LocalDate revokedOn,
            String communeCode)
            implements CertificateEvent {
        @Override
        public String auditAction() {
            return "certificate.revoked";
        }

        @Override
        public String auditSummary() {
            return ground + " by " + decision + " on " + revokedOn;
        }
    }

    /**
     * A certificate was suspended or reinstated ({@code change}), with the decision and reason; {@code effectiveOn} is
     * the day the decision takes effect.
     */
    public record CertificateStatusChanged(
            String number, long productId, String change, String detail, String communeCode, LocalDate effectiveOn)
            implements CertificateEvent {
        @Override
        public String auditAction() {
            return "certificate." + change;
        }

        @Override
        public String auditSummary() {
            return detail;
        }
    }

    /**
     * A new key signs certificate statements from now on ({@code keyId}); {@code previousKeyId} stays published for
     * verification.
     */
    public record SigningKeyRotated(String keyId, String previousKeyId) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate.signing-key-rotated";
        }

        @Override
        public String auditObjectType() {
            return "certificate-key";
        }

        @Override
        public String auditObjectId() {
            return keyId;
        }

        @Override
        public String auditSummary() {
            return "new signing key " + keyId + ", previous " + previousKeyId + " kept for verification";
        }
    }
}
