package vn.ocop.product;

import java.util.List;
import vn.ocop.shared.AuditableBatch;
import vn.ocop.shared.AuditableEvent;

/** Facts the product module announces. */
public final class ProductEvents {

    private ProductEvents() {}

    /** A product was registered. */
    public record ProductRegistered(long productId, long producerId, String communeCode, String summary)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.registered";
        }

        @Override
        public String auditObjectType() {
            return "product";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(productId);
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

    /** A product's details changed; {@code summary} lists the fields from → to. */
    public record ProductUpdated(long productId, String communeCode, String summary) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.updated";
        }

        @Override
        public String auditObjectType() {
            return "product";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(productId);
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

    /** A product's current rating was recorded (by certification or by an import of earlier certificates). */
    public record ProductRatingRecorded(long productId, String communeCode, int star, String summary)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.rating-recorded";
        }

        @Override
        public String auditObjectType() {
            return "product";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(productId);
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
     * Products registered, changed or rated by one spreadsheet import: one {@link ProductRegistered},
     * {@link ProductUpdated} or {@link ProductRatingRecorded} per fact, audited together. Unchanged products are not
     * in it.
     */
    public record ProductsImported(List<AuditableEvent> events) implements AuditableBatch {
        @Override
        public List<AuditableEvent> auditEvents() {
            return events;
        }
    }

    /** A spreadsheet import was applied: one entry per batch, next to the entries of the records it touched. */
    public record RegistryImported(String batchId, String fileName, String location, String summary)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "registry.imported";
        }

        @Override
        public String auditObjectType() {
            return "import-batch";
        }

        @Override
        public String auditObjectId() {
            return batchId;
        }

        @Override
        public String auditSummary() {
            return "file=" + fileName + ", " + summary;
        }

        @Override
        public @org.jspecify.annotations.Nullable String auditLocation() {
            return location.isEmpty() ? null : location;
        }
    }
}
