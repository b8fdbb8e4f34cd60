package vn.ocop.producer;

import java.util.List;
import vn.ocop.shared.AuditableBatch;
import vn.ocop.shared.AuditableEvent;

/** Facts the producer module announces. */
public final class ProducerEvents {

    private ProducerEvents() {}

    /** A producer was registered (by an officer, a producer account or an import). */
    public record ProducerRegistered(long producerId, String taxCode, String communeCode, String summary)
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

    /** A producer's details changed; {@code summary} lists the fields from → to. */
    public record ProducerUpdated(long producerId, String communeCode, String summary) implements AuditableEvent {
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
}
