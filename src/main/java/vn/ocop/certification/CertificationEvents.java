package vn.ocop.certification;

import java.time.LocalDate;
import java.util.List;
import vn.ocop.shared.AuditableEvent;

/** Facts the certification module announces, for catalog, traceability, reporting and audit. */
public final class CertificationEvents {

    private CertificationEvents() {}

    public record CertificateIssued(
            String number,
            long productId,
            int star,
            String level,
            LocalDate issuedOn,
            LocalDate expiresOn,
            String communeCode)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate.issued";
        }

        @Override
        public String auditObjectType() {
            return "certificate";
        }

        @Override
        public String auditObjectId() {
            return number;
        }

        @Override
        public String auditSummary() {
            return "product=" + productId + ", " + star + "★, " + level + ", " + issuedOn + " → " + expiresOn;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    public record CertificateExpired(String number, long productId, LocalDate expiredOn, String communeCode)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate.expired";
        }

        @Override
        public String auditObjectType() {
            return "certificate";
        }

        @Override
        public String auditObjectId() {
            return number;
        }

        @Override
        public String auditSummary() {
            return "expired after " + expiredOn;
        }

        @Override
        public String auditLocation() {
            return communeCode;
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
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate.expiry-reminded";
        }

        @Override
        public String auditObjectType() {
            return "certificate";
        }

        @Override
        public String auditObjectId() {
            return number;
        }

        @Override
        public String auditSummary() {
            return thresholdDays + " days before expiry on " + expiresOn + ": " + recipients + " recipients"
                    + (skipped.isEmpty() ? "" : " (passed unsent: " + skipped + ")");
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    public record CertificateRevoked(
            String number,
            long productId,
            RevocationGround ground,
            String decision,
            LocalDate revokedOn,
            String communeCode)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate.revoked";
        }

        @Override
        public String auditObjectType() {
            return "certificate";
        }

        @Override
        public String auditObjectId() {
            return number;
        }

        @Override
        public String auditSummary() {
            return ground + " by " + decision + " on " + revokedOn;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    /** A certificate was suspended or reinstated ({@code change}), with the decision and reason. */
    public record CertificateStatusChanged(
            String number, long productId, String change, String detail, String communeCode) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "certificate." + change;
        }

        @Override
        public String auditObjectType() {
            return "certificate";
        }

        @Override
        public String auditObjectId() {
            return number;
        }

        @Override
        public String auditSummary() {
            return detail;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }
}
