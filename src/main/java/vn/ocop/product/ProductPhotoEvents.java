package vn.ocop.product;

import vn.ocop.shared.AuditableEvent;

/** Facts about product photos. */
public final class ProductPhotoEvents {

    private ProductPhotoEvents() {}

    /** A photo was added to a product. */
    public record ProductPhotoAdded(long productId, long photoId, String communeCode, String summary)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.photo-added";
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

    /** A photo was removed from a product. */
    public record ProductPhotoRemoved(long productId, long photoId, String communeCode, String summary)
            implements AuditableEvent {
        @Override
        public String auditAction() {
            return "product.photo-removed";
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
