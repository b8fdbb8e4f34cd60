package vn.ocop.certification;

import java.time.LocalDate;
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
}
