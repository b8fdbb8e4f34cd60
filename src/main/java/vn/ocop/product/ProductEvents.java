package vn.ocop.product;

import java.util.List;
import vn.ocop.shared.AuditableBatch;
import vn.ocop.shared.AuditableEvent;

/** Facts the product module announces. */
public final class ProductEvents {

    private ProductEvents() {}

    /** An event of a product, told to the audit trail by the product's id, a summary and the product's commune. */
    public interface ProductEvent extends AuditableEvent {

        long productId();

        String communeCode();

        String summary();

        @Override
        default String auditObjectType() {
            return "product";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(productId());
        }

        @Override
        default String auditSummary() {
            return summary();
        }

        @Override
        default String auditLocation() {
            return communeCode();
        }
    }

    /** A product was registered. */
    public record ProductRegistered(long productId, long producerId, String communeCode, String summary)
            implements ProductEvent {
        @Override
        public String auditAction() {
            return "product.registered";
        }
    }

    /** A product's details changed; {@code summary} lists the fields from → to. */
    public record ProductUpdated(long productId, String communeCode, String summary) implements ProductEvent {
        @Override
        public String auditAction() {
            return "product.updated";
        }
    }

    /** A product's current rating was recorded (by certification or by an import of earlier certificates). */
    public record ProductRatingRecorded(long productId, String communeCode, int star, String summary)
            implements ProductEvent {
        @Override
        public String auditAction() {
            return "product.rating-recorded";
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
