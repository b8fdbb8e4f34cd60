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

    /** A product was registered; {@code name} and {@code criteriaSetNo} are what read models keep of it. */
    public record ProductRegistered(
            long productId, long producerId, String communeCode, String summary, String name, int criteriaSetNo)
            implements ProductEvent {
        @Override
        public String auditAction() {
            return "product.registered";
        }
    }

    /**
     * A product's details changed (or its rating was cleared); {@code summary} lists the fields from → to,
     * {@code producerId}, {@code name} and {@code criteriaSetNo} are the product's now.
     */
    public record ProductUpdated(
            long productId, String communeCode, String summary, long producerId, String name, int criteriaSetNo)
            implements ProductEvent {
        @Override
        public String auditAction() {
            return "product.updated";
        }
    }

    /**
     * A product's current rating was recorded (by certification, source {@code PLATFORM}, or by an import of earlier
     * ratings and certificates, source {@code IMPORTED}); {@code rating} is the rating as recorded, completed.
     */
    public record ProductRatingRecorded(long productId, String communeCode, CurrentRating rating, String summary)
            implements ProductEvent {

        public int star() {
            return rating.star();
        }

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
