package vn.ocop.producer;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.AuditableBatch;
import vn.ocop.shared.AuditableEvent;

/** Facts the producer module announces. */
public final class ProducerEvents {

    private ProducerEvents() {}

    /**
     * What read models of other modules (reporting) need to know of a producer after a change: its name, legal type,
     * place, programme flags and status. Small on purpose: contacts and other details are not in it.
     *
     * @param craftVillageName the craft village it belongs to, when named; {@code null} otherwise (even when
     *     {@code craftVillage} is set)
     */
    public record ProducerFacts(
            String name,
            LegalType legalType,
            String communeCode,
            String provinceCode,
            boolean sme,
            boolean craftVillage,
            @Nullable String craftVillageName,
            boolean womenLed,
            boolean ethnicMinorityArea,
            ProducerStatus status) {}

    /** A producer was registered (by an officer, a producer account or an import). */
    public record ProducerRegistered(
            long producerId, String taxCode, String communeCode, String summary, ProducerFacts facts)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "producer.registered";
        }

        @Override
        public String auditObjectType() {
            return "producer";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(producerId);
        }

        @Override
        public String auditSummary() {
            return summary;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    /** A producer's details changed; {@code summary} lists the fields from → to, {@code facts} is the new state. */
    public record ProducerUpdated(long producerId, String communeCode, String summary, ProducerFacts facts)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "producer.updated";
        }

        @Override
        public String auditObjectType() {
            return "producer";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(producerId);
        }

        @Override
        public String auditSummary() {
            return summary;
        }

        @Override
        public String auditLocation() {
            return communeCode;
        }
    }

    /**
     * Producers registered or changed by one spreadsheet import: one {@link ProducerRegistered} or
     * {@link ProducerUpdated} per record, audited together. Unchanged producers are not in it.
     */
    public record ProducersImported(List<AuditableEvent> events) implements AuditableBatch {
        @Override
        public List<AuditableEvent> auditEvents() {
            return events;
        }
    }

    /** An event of a sign-up from the portal, told to the audit trail by the sign-up's id and its commune. */
    public interface SignupEvent extends AuditableEvent {

        long signupId();

        String communeCode();

        @Override
        default String auditObjectType() {
            return "producer-signup";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(signupId());
        }

        @Override
        default String auditLocation() {
            return communeCode();
        }
    }

    /** Someone signed a producer up on the portal (anonymous: the applicant has no account yet). */
    public record SignupSubmitted(long signupId, String taxCode, String username, String communeCode)
            implements SignupEvent {
        @Override
        public String auditAction() {
            return "producer.signup-submitted";
        }

        @Override
        public String auditSummary() {
            return "taxCode=" + taxCode + ", username=" + username;
        }

        @Override
        public String auditActor() {
            return "applicant:" + username;
        }
    }

    /** An officer approved a sign-up: the producer was registered and its account opened. */
    public record SignupApproved(long signupId, long producerId, String username, String communeCode)
            implements SignupEvent {
        @Override
        public String auditAction() {
            return "producer.signup-approved";
        }

        @Override
        public String auditSummary() {
            return "producer=" + producerId + ", account=" + username;
        }
    }

    /** An officer refused a sign-up, with the reason the applicant reads. */
    public record SignupRefused(long signupId, String reason, String communeCode) implements SignupEvent {
        @Override
        public String auditAction() {
            return "producer.signup-refused";
        }

        @Override
        public String auditSummary() {
            return reason;
        }
    }
}
