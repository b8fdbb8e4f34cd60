package vn.ocop.product;

/** Facts about product photos. */
public final class ProductPhotoEvents {

    private ProductPhotoEvents() {}

    /** A photo was added to a product. */
    public record ProductPhotoAdded(long productId, long photoId, String communeCode, String summary)
            implements ProductEvents.ProductEvent {
        @Override
        public String auditAction() {
            return "product.photo-added";
        }
    }

    /** A photo was removed from a product. */
    public record ProductPhotoRemoved(long productId, long photoId, String communeCode, String summary)
            implements ProductEvents.ProductEvent {
        @Override
        public String auditAction() {
            return "product.photo-removed";
        }
    }
}
