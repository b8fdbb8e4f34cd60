package vn.ocop.traceability;

import org.jspecify.annotations.Nullable;
import vn.ocop.shared.AuditableEvent;

/** Facts the traceability module announces; each is audited in the transaction that makes it true. */
public final class TraceabilityEvents {

    private TraceabilityEvents() {}

    /** A fact about one thing of this module, told to the audit trail by its type, id, summary and commune. */
    interface TraceabilityFact extends AuditableEvent {

        /** The commune the thing belongs to (its producer's), or {@code null} for nationwide things. */
        @Nullable
        String communeCode();

        String summary();

        @Override
        default String auditSummary() {
            return summary();
        }

        @Override
        default @Nullable String auditLocation() {
            return communeCode();
        }
    }

    /** A fact about a production lot. */
    public interface LotFact extends TraceabilityFact {

        long lotId();

        @Override
        default String auditObjectType() {
            return "lot";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(lotId());
        }
    }

    /** A fact about a batch of stamps. */
    public interface BatchFact extends TraceabilityFact {

        long batchId();

        @Override
        default String auditObjectType() {
            return "stamp-batch";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(batchId());
        }
    }

    /** A fact about a counterfeit or safety signal. */
    public interface SignalFact extends TraceabilityFact {

        long signalId();

        @Override
        default String auditObjectType() {
            return "trace-signal";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(signalId());
        }
    }

    public record LotRecorded(long lotId, long productId, String lotNumber, String communeCode, String summary)
            implements LotFact {
        @Override
        public String auditAction() {
            return "lot.recorded";
        }
    }

    public record LotEventRecorded(long lotId, long eventId, LotEventType type, String communeCode, String summary)
            implements LotFact {
        @Override
        public String auditAction() {
            return "lot.event-recorded";
        }
    }

    public record LotEventWithdrawn(long lotId, long eventId, String communeCode, String summary) implements LotFact {
        @Override
        public String auditAction() {
            return "lot.event-withdrawn";
        }
    }

    /** A lot was suspended, reinstated or recalled, with the message for the public. */
    public record LotStatusChanged(long lotId, StatusChange change, String communeCode, String summary)
            implements LotFact {
        @Override
        public String auditAction() {
            return "lot." + change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record StampBatchGenerated(long batchId, long lotId, int quantity, String communeCode, String summary)
            implements BatchFact {
        @Override
        public String auditAction() {
            return "stamp-batch.generated";
        }
    }

    /** A batch was activated, suspended, reinstated or recalled. */
    public record StampBatchStatusChanged(long batchId, StatusChange change, String communeCode, String summary)
            implements BatchFact {
        @Override
        public String auditAction() {
            return "stamp-batch." + change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A batch's codes were downloaded (CSV or label sheets): who holds printable codes is worth knowing. */
    public record StampsExported(long batchId, String format, String communeCode, String summary) implements BatchFact {
        @Override
        public String auditAction() {
            return "stamp-batch.exported";
        }
    }

    /** The signal job raised a new signal. */
    public record SignalRaised(
            long signalId, SignalKind kind, @Nullable String communeCode, String summary) implements SignalFact {
        @Override
        public String auditAction() {
            return "trace-signal.raised";
        }

        @Override
        public String auditActor() {
            return "system";
        }
    }

    /** An officer reviewed a signal: dismissed (no issue found) or confirmed. */
    public record SignalReviewed(
            long signalId, SignalStatus status, @Nullable String communeCode, String summary) implements SignalFact {
        @Override
        public String auditAction() {
            return "trace-signal.reviewed";
        }
    }
}
