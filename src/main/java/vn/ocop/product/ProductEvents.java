package vn.ocop.product;

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
}
